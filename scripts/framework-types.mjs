// JSX types for React 19, Preact and Solid, written from the manifest at build time (an analyzer
// plugin; custom-elements-manifest.config.mjs runs it). Ours, not the analyzer's JSX, Solid and
// Vue plugins: with this manifest those wrap each event type twice (`CustomEvent<CustomEvent<…>>`)
// and name types (`Session`, `FeedRequestKind`) they never import, so their files don't compile.
// Here each event handler takes the event's own exported class, found through its
// `static eventName`, and each prop is an element property, typed from the class itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs at build time: do not edit.\n';

/** `{ tag, className, props, events: [[eventName, className]] }` of each element in the manifest. */
function elementsOf(manifest) {
  const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
  const eventClass = new Map();
  for (const declaration of declarations) {
    const name = declaration.members?.find((member) => member.static && member.name === 'eventName')?.default;
    if (name) eventClass.set(name.replace(/^['"]|['"]$/g, ''), declaration.name);
  }
  return declarations
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => ({
      tag: declaration.tagName,
      className: declaration.name,
      // Settable public properties: a read-only one (`sessions`) is not a prop.
      props: (declaration.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) => m.name),
      events: (declaration.events ?? []).map((event) => [event.name, eventClass.get(event.name) ?? 'CustomEvent']),
    }));
}

/** One framework's file: its own attributes, minus our props' names, plus our props and handlers. */
function typesFor(elements, { module, preamble = '', base, handler, extraProps = '' }) {
  const classes = new Set(elements.flatMap((el) => [el.className, ...el.events.map(([, cls]) => cls)]));
  const lines = [
    HEADER,
    `import type { ${[...classes].filter((c) => c !== 'CustomEvent').join(', ')} } from '../index.js';`,
  ];
  if (preamble) lines.push(preamble);
  lines.push('');
  for (const el of elements) {
    const props = el.props.map((p) => `'${p}'`).join(' | ');
    lines.push(`/** The properties of <${el.tag}> a template may set. */`);
    lines.push(`export type ${el.className}Props = Partial<Pick<${el.className}, ${props}>>;`);
    lines.push(`/** Its events, each as its own class. */`);
    lines.push(`export interface ${el.className}Events {`);
    for (const [name, cls] of el.events) lines.push(`  '${handler(name)}'?: (event: ${cls}) => void;`);
    lines.push('}', '');
  }
  lines.push(`declare module '${module}' {`, '  namespace JSX {', '    interface IntrinsicElements {');
  for (const el of elements) {
    const own = `${el.className}Props & ${el.className}Events${extraProps ? ` & ${extraProps(el)}` : ''}`;
    lines.push(`      '${el.tag}': Omit<${base(el.className)}, keyof ${el.className}Props> & ${own};`);
  }
  lines.push('    }', '  }', '}', '');
  return lines.join('\n');
}

const FRAMEWORKS = {
  'react.d.ts': {
    module: 'react',
    preamble: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    base: (cls) => `DetailedHTMLProps<HTMLAttributes<${cls}>, ${cls}>`,
    // React 19 listens to `session-select` for `onsession-select`.
    handler: (name) => `on${name}`,
  },
  'preact.d.ts': {
    module: 'preact',
    preamble: "import type { JSX as PreactJSX } from 'preact';",
    base: (cls) => `PreactJSX.HTMLAttributes<${cls}>`,
    handler: (name) => `on${name}`,
  },
  'solid.d.ts': {
    module: 'solid-js',
    preamble: "import type { JSX as SolidJSX } from 'solid-js';",
    base: (cls) => `SolidJSX.HTMLAttributes<${cls}>`,
    // Solid: `on:` adds a listener for the exact name; `prop:` forces a property.
    handler: (name) => `on:${name}`,
    extraProps: (el) => `{ [K in keyof ${el.className}Props as \`prop:\${K}\`]?: ${el.className}Props[K] }`,
  },
};

/** The analyzer plugin: writes `dist/types/{react,preact,solid}.d.ts` after the manifest is final. */
export function frameworkTypes({ outdir = 'dist/types' } = {}) {
  return {
    name: 'rensei:framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      mkdirSync(outdir, { recursive: true });
      for (const [file, framework] of Object.entries(FRAMEWORKS)) {
        writeFileSync(join(outdir, file), typesFor(elements, framework));
      }
    },
  };
}
