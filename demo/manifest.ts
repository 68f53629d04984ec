/**
 * The element's entry in custom-elements.json (`npm run analyze` writes it; the bundler inlines it
 * here), read into the few shapes the API page needs. The page is generated from it, so an
 * attribute, part or custom property added to the element shows up with no edit here.
 */
import manifest from '../custom-elements.json';

export interface Documented {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}

export interface Member extends Documented {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

export interface ElementDoc {
  tagName: string;
  summary?: string;
  description?: string;
  attributes: Documented[];
  members: Member[];
  events: Documented[];
  cssParts: Documented[];
  cssProperties: Documented[];
  slots: Documented[];
}

interface Manifest {
  modules: { declarations?: (Partial<ElementDoc> & { customElement?: boolean })[] }[];
}

export function elementDoc(tagName: string): ElementDoc {
  const declaration = (manifest as Manifest).modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.customElement && candidate.tagName === tagName);
  if (!declaration) throw new Error(`custom-elements.json has no <${tagName}>: run npm run analyze`);
  return {
    tagName,
    summary: declaration.summary,
    description: declaration.description,
    attributes: declaration.attributes ?? [],
    members: (declaration.members ?? []).filter(
      (member) => member.privacy !== 'private' && member.privacy !== 'protected',
    ),
    events: declaration.events ?? [],
    cssParts: declaration.cssParts ?? [],
    cssProperties: declaration.cssProperties ?? [],
    slots: declaration.slots ?? [],
  };
}

/** A manifest default as the value it stands for: `'web'` → `web`, `15` → `15`. */
export function plainDefault(value: string | undefined): string {
  if (value === undefined) return '';
  return /^(['"`]).*\1$/.test(value) ? value.slice(1, -1) : value;
}
