/**
 * Registration on the host's terms: any tag name, any registry (a scoped one too), and no throw
 * when the tag is already taken, by this copy or by another copy of the package.
 */

/** The tag the default entry registers. */
export const TAG_NAME = 'rensei-session-list';

type Versioned = CustomElementConstructor & { readonly version?: string };

/** Tags already warned about, per registry: a page that meets two versions hears it once. */
const warned = new WeakMap<CustomElementRegistry, Set<string>>();

/**
 * Defines `ctor` as `tag` in `registry`, unless the tag is taken; answers the class the tag is
 * bound to. The first registration wins: when it is another copy of a different version, one
 * console warning names both versions (nothing throws, nothing is replaced).
 */
export function defineElement<T extends Versioned>(
  ctor: T,
  tag: string,
  registry: CustomElementRegistry,
): CustomElementConstructor {
  const existing = registry.get(tag) as Versioned | undefined;
  if (existing) {
    if (existing !== ctor && !(existing.prototype instanceof ctor)) warnOnce(registry, tag, existing, ctor);
    return existing;
  }
  // A constructor registers once per registry: a second tag name gets a subclass of its own.
  const taken = registry.getName?.(ctor);
  const definition = taken ? class extends (ctor as CustomElementConstructor) {} : ctor;
  registry.define(tag, definition);
  return definition;
}

function warnOnce(registry: CustomElementRegistry, tag: string, existing: Versioned, ours: Versioned): void {
  if (existing.version === ours.version) return; // Two copies of one version: the same element.
  const tags = warned.get(registry) ?? new Set<string>();
  if (tags.has(tag)) return;
  tags.add(tag);
  warned.set(registry, tags);
  const theirs = existing.version ? `version ${existing.version}` : 'an element of unknown version';
  console.warn(
    `<${tag}>: ${theirs} is already registered, so this copy (version ${ours.version}) is not; ` +
      `the first registration wins. Load one copy of rensei-session-list per page.`,
  );
}
