/**
 * The API page's copy-paste snippets: the markup of the element as the knobs have set it, and the
 * two ways to load it. The token is never part of a snippet's markup: pages set the property.
 */

export interface EmbedChoice {
  tagName: string;
  /** Attributes whose value differs from the default; `true` for a boolean one that is set. */
  attributes: ReadonlyMap<string, string | true>;
  /** Custom properties given a value. */
  cssProperties: ReadonlyMap<string, string>;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `<rensei-session-list …>` with the chosen attributes, and a style rule for the custom properties. */
export function markupSnippet(choice: EmbedChoice): string {
  const attributes = [...choice.attributes]
    .filter(([name]) => name !== 'token')
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const element = `<${choice.tagName}${attributes}></${choice.tagName}>`;
  if (choice.cssProperties.size === 0) return element;
  const rules = [...choice.cssProperties].map(([name, value]) => `    ${name}: ${value};`).join('\n');
  return `<style>\n  ${choice.tagName} {\n${rules}\n  }\n</style>\n${element}`;
}

/** The whole page fragment for a plain `<script type="module">`, with the bundle self-hosted. */
export function scriptTagSnippet(choice: EmbedChoice): string {
  return [
    '<script type="module" src="/assets/rensei-session-list.bundle.js"></script>',
    '',
    markupSnippet(choice),
    '<script type="module">',
    `  const list = document.querySelector('${choice.tagName}');`,
    '  list.token = await getKeyFromYourBackend(); // the property: never in the markup',
    "  list.addEventListener('session-select', (event) => console.log(event.detail.session));",
    '</script>',
  ].join('\n');
}

/** The same from a CDN, nothing to install: pinned to the version on this page. */
export function cdnSnippet(choice: EmbedChoice, version: string): string {
  const src = `https://cdn.jsdelivr.net/npm/rensei-session-list@${version}/dist/rensei-session-list.bundle.js`;
  return scriptTagSnippet(choice).replace('/assets/rensei-session-list.bundle.js', src);
}

/** The same with a bundler: the package registers the element and shares lit with the app. */
export function bundlerSnippet(choice: EmbedChoice): string {
  return [
    '// npm install rensei-session-list',
    "import 'rensei-session-list';",
    "import type { SessionSelectEvent } from 'rensei-session-list';",
    '',
    `const list = document.querySelector('${choice.tagName}')!;`,
    'list.token = await getKeyFromYourBackend();',
    "list.addEventListener('session-select', (event: SessionSelectEvent) => console.log(event.detail.session.id));",
  ].join('\n');
}
