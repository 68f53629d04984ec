/**
 * custom-elements.json, held against the element itself. `npm test` runs `npm run analyze` first,
 * so this reads the manifest made from the sources being tested (served from the repo root).
 *
 * Both ways: every documented attribute, property, part, slot and custom property exists, and
 * every one the element has is documented. Events one way: every documented event is fired
 * here, with the documented detail.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import * as z from 'zod/mini';
import * as entry from '../../src/index.js';
import { RenseiSessionList } from '../../src/index.js';
import { sessionSchema } from '../../src/api/schema.js';
import { flush, mount, part, settled, shadow } from '../helpers/element.js';
import { installFakeFetch, json, page, rawSession, sessions, type FakeFetch } from '../helpers/fake-fetch.js';

// ——— the manifest's shape (the parts of schema 2.x read here) ———

interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
interface Attribute extends Described {
  fieldName?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'protected' | 'private';
  attribute?: string;
  reflects?: boolean;
  readonly?: boolean;
}
interface ElementDeclaration extends Described {
  kind: 'class';
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Module {
  path: string;
  declarations?: ElementDeclaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
interface Manifest {
  schemaVersion: string;
  modules: Module[];
}

const TAG = 'rensei-session-list';
let manifest: Manifest;
let element: ElementDeclaration;
let elementModule: Module;

before(async () => {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json is missing: run `npm run analyze`').to.equal(true);
  manifest = await response.json();
  for (const mod of manifest.modules) {
    const found = mod.declarations?.find((declaration) => declaration.tagName === TAG);
    if (found) [element, elementModule] = [found, mod];
  }
  expect(element, `no declaration with tagName ${TAG}`).to.exist;
});

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const names = (items: Described[] | undefined) => sorted((items ?? []).map((item) => item.name));

/** What the analyzer writes as a default (`''`, `'x'`, `15`, `false`, `{}`), as a value. */
function parseDefault(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  if (/^'.*'$/.test(text)) return text.slice(1, -1);
  return JSON.parse(text);
}

describe('custom-elements.json', () => {
  describe('the element', () => {
    it('is declared with its tag, a summary and a description', () => {
      expect(element.customElement).to.equal(true);
      expect(element.name).to.equal('RenseiSessionList');
      expect(element.summary).to.be.a('string').and.not.equal('');
      expect(element.description).to.be.a('string').and.not.equal('');
    });

    it('points at the files the package ships, and the default entry defines the tag', async () => {
      for (const mod of manifest.modules) {
        expect(mod.path, mod.path).to.match(/^dist\/.+\.js$/);
        // dist/ mirrors src/ (vite builds one file per module): the source of each file exists.
        const source = await fetch(`/${mod.path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')}`);
        expect(source.ok, `${mod.path} has no source`).to.equal(true);
      }
      const index = manifest.modules.find((mod) => mod.path === 'dist/index.js')!;
      const definition = index.exports!.find((exp) => exp.kind === 'custom-element-definition')!;
      expect(definition).to.deep.include({ name: TAG });
      expect(definition.declaration).to.deep.equal({ name: 'RenseiSessionList', module: elementModule.path });
      const elementEntry = manifest.modules.find((mod) => mod.path === 'dist/element.js')!;
      expect(elementEntry.exports!.map((exp) => exp.name)).to.include('RenseiSessionList');
      // The side-effect-free entry defines nothing.
      expect(elementEntry.exports!.some((exp) => exp.kind === 'custom-element-definition')).to.equal(false);
    });
  });

  describe('attributes and properties', () => {
    type PropertyOptions = { attribute?: string | boolean; reflect?: boolean; type?: unknown; state?: boolean };
    const reactive = () => [
      ...(RenseiSessionList as unknown as { elementProperties: Map<string, PropertyOptions> }).elementProperties,
    ];
    const attributeOf = (name: string, options: PropertyOptions) =>
      options.attribute === false
        ? null
        : typeof options.attribute === 'string'
          ? options.attribute
          : name.toLowerCase();

    it('documents exactly the observed attributes, each with its property', () => {
      expect(names(element.attributes)).to.deep.equal(sorted(RenseiSessionList.observedAttributes));
      const byAttribute = new Map(
        reactive()
          .filter(([, options]) => attributeOf('', options) !== null)
          .map(([name, options]) => [attributeOf(name, options), name]),
      );
      for (const attribute of element.attributes!) {
        expect(attribute.fieldName, attribute.name).to.equal(byAttribute.get(attribute.name));
      }
    });

    it('gives each attribute its documented type and default, as the element has them', async () => {
      const el = document.createElement(TAG) as RenseiSessionList & Record<string, unknown>;
      const options = new Map(reactive());
      for (const attribute of element.attributes!) {
        const field = attribute.fieldName!;
        expect(el[field], `default of ${attribute.name}`).to.deep.equal(parseDefault(attribute.default));
        const type = attribute.type!.text;
        const sample = { string: ['sample', 'sample'], number: ['2.5', 2.5], boolean: ['', true] }[type];
        expect(sample, `a documented type the test knows: ${attribute.name}: ${type}`).to.exist;
        const declaredType = options.get(field)!.type;
        expect(declaredType ?? String, `${attribute.name}'s converter`).to.equal(
          { string: String, number: Number, boolean: Boolean }[type as 'string'],
        );
        // An attribute written by a page's markup lands in the property, converted.
        el.setAttribute(attribute.name, sample![0] as string);
        expect(el[field], attribute.name).to.equal(sample![1]);
      }
    });

    it('documents which properties reflect, as they do', async () => {
      const documented = sorted(
        (element.members ?? []).filter((member) => member.reflects).map((member) => member.name),
      );
      const reflecting = sorted(
        reactive()
          .filter(([, options]) => options.reflect)
          .map(([name]) => name),
      );
      expect(documented).to.deep.equal(reflecting);
      expect(documented).to.include.members(['status', 'search', 'health', 'selected']);
      expect(documented).not.to.include('token');
      // And they do reflect.
      const fake = installFakeFetch(() => page([]));
      try {
        const el = await mount();
        for (const name of documented) {
          const member = element.members!.find((m) => m.name === name)!;
          (el as unknown as Record<string, unknown>)[name] = 'dark';
          await el.updateComplete;
          expect(el.getAttribute(member.attribute!), name).to.equal('dark');
        }
      } finally {
        fake.restore();
      }
    });

    /** Lifecycle methods: the analyzer leaves them out for Lit elements, as Lit's own API. */
    const LIFECYCLE = new Set([
      'constructor',
      'connectedCallback',
      'disconnectedCallback',
      'attributeChangedCallback',
      'adoptedCallback',
      'render',
      'update',
      'updated',
      'willUpdate',
      'firstUpdated',
      'shouldUpdate',
      'createRenderRoot',
      'getUpdateComplete',
      'scheduleUpdate',
      'performUpdate',
    ]);

    class Bare extends LitElement {}
    customElements.define('manifest-bare-element', Bare);

    it('documents exactly the public and protected instance members', () => {
      const documented = sorted(
        (element.members ?? []).filter((member) => !member.static && member.privacy !== 'private').map((m) => m.name),
      );
      const states = new Set(
        reactive()
          .filter(([, options]) => options.state)
          .map(([name]) => name),
      );
      const bare = new Set(Object.getOwnPropertyNames(new Bare()));
      const instance = Object.getOwnPropertyNames(document.createElement(TAG)).filter(
        (name) => !bare.has(name) && !name.startsWith('_'),
      );
      const prototype = Object.getOwnPropertyNames(RenseiSessionList.prototype).filter(
        (name) => !LIFECYCLE.has(name) && !states.has(name) && !name.startsWith('_'),
      );
      expect(documented).to.deep.equal(sorted([...instance, ...prototype]));
      expect(documented).to.include.members(['sessions', 'refresh', 'loadMore', 'strings', 'token', 'apiBase']);
    });

    it('documents exactly the public statics: version and define', () => {
      const documented = sorted((element.members ?? []).filter((member) => member.static).map((member) => member.name));
      const bare = new Set(Object.getOwnPropertyNames(Bare));
      // `styles` and `properties` are Lit's own API, left out like the lifecycle.
      const statics = Object.getOwnPropertyNames(RenseiSessionList).filter(
        (name) => !bare.has(name) && !name.startsWith('_') && name !== 'styles' && name !== 'properties',
      );
      expect(documented).to.deep.equal(sorted(statics));
      expect(documented).to.deep.equal(['define', 'version']);
      const version = element.members!.find((member) => member.name === 'version')!;
      expect(parseDefault(version.default)).to.equal(RenseiSessionList.version);
    });

    it('gives each property its documented default', () => {
      const el = document.createElement(TAG) as RenseiSessionList & Record<string, unknown>;
      for (const member of element.members ?? []) {
        if (member.static || member.kind !== 'field' || member.default === undefined || member.privacy) continue;
        expect(el[member.name], member.name).to.deep.equal(parseDefault(member.default));
      }
    });
  });

  describe('parts and slots, read from the shadow DOM in every state', () => {
    let fake: FakeFetch | undefined;
    afterEach(() => fake?.restore());

    const seenParts = new Set<string>();
    const seenSlots = new Set<string>();
    const seenStates = new Set<string>();

    function collect(el: Element, state: string): void {
      seenStates.add(state);
      for (const node of shadow(el).querySelectorAll('[part]')) {
        for (const name of node.getAttribute('part')!.split(/\s+/)) if (name) seenParts.add(name);
      }
      for (const slot of shadow(el).querySelectorAll('slot')) seenSlots.add(slot.name);
      for (const empty of shadow(el).querySelectorAll<HTMLElement>('[data-empty]'))
        seenStates.add(`empty:${empty.dataset.empty}`);
    }

    const working = () =>
      rawSession({
        status: 'working',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        completedAt: null,
        health: { healthStatus: 'red', stuckSignals: ['ToolLoopStuck'] },
      });

    it('loading', async () => {
      fake = installFakeFetch(() => 'hold');
      const el = await mount({}, { settle: false });
      expect(part(el, 'loading')).to.exist;
      collect(el, 'loading');
    });

    it('rows, with a next page, a detail link and a row that live refresh no longer covers', async () => {
      const later = working();
      fake = installFakeFetch(({ url }) =>
        url.searchParams.get('cursor') ? page([later], 'c3') : page([working(), ...sessions(3)], 'c2'),
      );
      const el = await mount({ attrs: { 'detail-url': 'https://app.example/sessions/{id}' } });
      await el.loadMore();
      await el.updateComplete;
      void el.refresh(); // covers the first page only: the working row on page 2 is not live
      await settled(el);
      expect(part(el, 'not-live')).to.exist;
      expect(part(el, 'load-more')).to.exist;
      collect(el, 'rows');
    });

    it('rows held back behind "new sessions"', async () => {
      const initial = sessions(30);
      let first = initial;
      fake = installFakeFetch(() => page(first));
      const el = await mount({ style: 'height: 240px' });
      part(el, 'scroller')!.scrollTop = 300;
      await new Promise(requestAnimationFrame);
      first = [...sessions(2), ...initial];
      void el.refresh();
      await settled(el);
      expect(part(el, 'new-sessions')).to.exist;
      collect(el, 'new-sessions');
    });

    it('empty: the project has no sessions', async () => {
      fake = installFakeFetch(() => page([]));
      const el = await mount();
      collect(el, 'empty');
      expect(seenStates).to.include('empty:project');
    });

    it('empty: no loaded row matches, and there is no next page', async () => {
      fake = installFakeFetch(() => page(sessions(3)));
      const el = await mount({ attrs: { search: 'zzz' } });
      collect(el, 'empty');
      expect(seenStates).to.include('empty:filtered');
    });

    it('empty: no loaded row matches, and more pages exist', async () => {
      fake = installFakeFetch(() => page(sessions(3), 'c2'));
      const el = await mount({ attrs: { search: 'zzz' } });
      collect(el, 'empty');
      expect(seenStates).to.include('empty:loaded');
    });

    it('error: nothing to show', async () => {
      fake = installFakeFetch(() => json({ error: 'Boom' }, { status: 500 }));
      const el = await mount();
      expect(part(el, 'error')).to.exist;
      collect(el, 'error');
    });

    it('notices: a refresh failed, and a row could not be shown', async () => {
      let fail = false;
      fake = installFakeFetch(() =>
        fail ? json({ error: 'Boom' }, { status: 500 }) : page([...sessions(2), { id: 'bad', status: 42 }]),
      );
      const el = await mount();
      fail = true;
      void el.refresh();
      await settled(el);
      await flush(el);
      expect(shadow(el).querySelectorAll('[part~="notice"]')).to.have.length(2);
      collect(el, 'notice');
    });

    it('actions: checkboxes, a stop in flight, bulk stop, the summary and the confirmation', async () => {
      fake = installFakeFetch(({ url }) => (url.pathname.endsWith('/stop') ? 'hold' : page([working(), working()])));
      const el = await mount({ attrs: { actions: 'stop' } });
      await waitUntil(() => part(el, 'check-all'));
      const [first, second] = el.sessions;
      void el.stop([first!.id]);
      await flush(el);
      shadow(el).querySelector<HTMLElement>(`[data-session-id="${second!.id}"] [part~="row-check"]`)!.click();
      await flush(el);
      part(el, 'bulk-stop')!.click();
      await flush(el);
      expect(part<HTMLDialogElement>(el, 'confirm')!.open).to.equal(true);
      expect(part(el, 'stop-outcome')).to.exist;
      collect(el, 'actions');
    });

    it('the parts seen are exactly the documented ones', () => {
      expect([...seenStates]).to.include.members(['loading', 'rows', 'new-sessions', 'error', 'notice', 'actions']);
      expect([...seenStates]).to.include.members(['empty:project', 'empty:filtered', 'empty:loaded']);
      const documented = names(element.cssParts);
      expect(sorted(seenParts), 'rendered but not documented').to.include.members(documented);
      expect(documented, 'documented but never rendered').to.include.members(sorted(seenParts));
    });

    it('the slots seen are exactly the documented ones', () => {
      expect(sorted(seenSlots)).to.deep.equal(names(element.slots));
    });
  });

  describe('custom properties, read from the styles', () => {
    const cssText = [RenseiSessionList.styles]
      .flat(Infinity)
      .map((sheet) => (sheet as { cssText: string }).cssText)
      .join('\n');

    /** Every `var(--rensei-x, fallback)`, in order, with its fallback (nested parentheses kept). */
    function uses(): { name: string; fallback: string | null }[] {
      const found: { name: string; fallback: string | null }[] = [];
      const pattern = /var\(\s*(--rensei-[\w-]+)\s*(,)?/g;
      for (let match; (match = pattern.exec(cssText));) {
        if (!match[2]) {
          found.push({ name: match[1]!, fallback: null });
          continue;
        }
        let depth = 1;
        let at = pattern.lastIndex;
        for (; at < cssText.length && depth > 0; at++) depth += cssText[at] === '(' ? 1 : cssText[at] === ')' ? -1 : 0;
        found.push({ name: match[1]!, fallback: cssText.slice(pattern.lastIndex, at - 1) });
      }
      return found;
    }
    const normal = (value: string) => value.trim().replace(/\s+/g, ' ').replace(/"/g, "'").toLowerCase();

    it('documents exactly the --rensei-* properties the styles read, and only them', () => {
      const used = sorted(uses().map((use) => use.name));
      expect(used.length).to.be.greaterThan(10);
      expect(names(element.cssProperties)).to.deep.equal(used);
      // Every custom property the styles mention at all is either public (--rensei-*) or private (--_*).
      const mentioned = sorted(cssText.match(/--[\w-]+/g) ?? []);
      expect(mentioned.filter((name) => !name.startsWith('--rensei-') && !name.startsWith('--_'))).to.deep.equal([]);
    });

    /** A fallback per colour scheme: `light-dark(a, b)` is a in light and b in dark, else one for both. */
    function schemes(fallback: string | null): { light: string; dark: string } {
      const value = normal(fallback ?? '');
      const pair = /^light-dark\((.*)\)$/.exec(value)?.[1];
      if (!pair) return { light: value, dark: value };
      let depth = 0;
      const comma = [...pair].findIndex(
        (char) => (depth += char === '(' ? 1 : char === ')' ? -1 : 0) === 0 && char === ',',
      );
      return { light: pair.slice(0, comma).trim(), dark: pair.slice(comma + 1).trim() };
    }

    it('documents each default as the fallback in the styles (light scheme), and the dark scheme one', () => {
      const all = uses();
      for (const property of element.cssProperties!) {
        const fallbacks = all.filter((use) => use.name === property.name).map((use) => schemes(use.fallback));
        expect(property.default, `${property.name} has a documented default`).to.be.a('string');
        expect(fallbacks[0]!.light, property.name).to.equal(normal(property.default!));
        const dark = /dark scheme: ([^)]+)\)/.exec(property.description ?? '')?.[1];
        const darks = fallbacks.map((value) => value.dark);
        if (dark) expect(darks, property.name).to.include(normal(dark));
        // A default that differs in the dark scheme says so.
        else
          expect(
            darks.every((value) => value === fallbacks[0]!.light),
            `${property.name}: document its dark default`,
          ).to.equal(true);
      }
    });
  });

  describe('events: each documented one is fired with the documented detail', () => {
    let fake: FakeFetch | undefined;
    afterEach(() => fake?.restore());

    /** The documented detail: `CustomEvent<{ a: T; b: U | null }>` → { a: 'T', b: 'U | null' }. */
    function documentedDetail(event: Described): Record<string, string> {
      const text = event.type?.text ?? '';
      const body = /^CustomEvent<\{(.*)\}>$/s.exec(text)?.[1];
      expect(body, `${event.name}: a type of the form CustomEvent<{ … }>, got ${text}`).to.be.a('string');
      const fields: Record<string, string> = {};
      for (const field of body!.split(';')) {
        const [key, ...type] = field.split(':');
        if (key!.trim()) fields[key!.trim()] = type.join(':').trim();
      }
      return fields;
    }

    const KINDS: Record<string, (value: unknown) => boolean> = {
      string: (value) => typeof value === 'string',
      number: (value) => typeof value === 'number' && Number.isFinite(value),
      boolean: (value) => typeof value === 'boolean',
      null: (value) => value === null,
      Session: (value) => z.safeParse(sessionSchema, value).success,
      FeedRequestKind: (value) => value === 'refresh' || value === 'more',
      ApiErrorKind: (value) => typeof value === 'string' && /^[a-z-]+$/.test(value as string),
      StopResult: (value) => {
        const { id, ok, status, message, ...rest } = value as Record<string, unknown>;
        return (
          typeof id === 'string' &&
          typeof ok === 'boolean' &&
          (status === null || typeof status === 'number') &&
          typeof message === 'string' &&
          Object.keys(rest).length === 0
        );
      },
    };

    function matches(value: unknown, type: string): boolean {
      return type.split('|').some((alternative) => {
        const name = alternative.trim();
        if (name.endsWith('[]')) return Array.isArray(value) && value.every((item) => matches(item, name.slice(0, -2)));
        expect(Object.keys(KINDS), `a type the test knows: ${name}`).to.include(name);
        return KINDS[name]!(value);
      });
    }

    /** How to make each event happen. A newly documented event needs a line here. */
    const TRIGGERS: Record<string, () => Promise<Event>> = {
      async 'session-select'() {
        fake = installFakeFetch(() => page(sessions(2)));
        const el = await mount();
        const fired = new Promise<Event>((resolve) => el.addEventListener('session-select', resolve, { once: true }));
        part(el, 'row')!.click();
        return fired;
      },
      async 'sessions-load'() {
        fake = installFakeFetch(() => page(sessions(2), 'c2'));
        const el = await mount({}, { settle: false });
        return new Promise<Event>((resolve) => el.addEventListener('sessions-load', resolve, { once: true }));
      },
      async 'sessions-error'() {
        fake = installFakeFetch(() => json({ error: 'Unavailable' }, { status: 503, headers: { 'Retry-After': '5' } }));
        const el = await mount({}, { settle: false });
        return new Promise<Event>((resolve) => el.addEventListener('sessions-error', resolve, { once: true }));
      },
      async 'filter-change'() {
        fake = installFakeFetch(() => page(sessions(2)));
        const el = await mount();
        const fired = new Promise<Event>((resolve) => el.addEventListener('filter-change', resolve, { once: true }));
        const select = part<HTMLSelectElement>(el, 'status-filter')!;
        select.value = 'completed';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return fired;
      },
      async 'sessions-stop'() {
        fake = installFakeFetch(() => page([rawSession({ status: 'queued', startedAt: null, completedAt: null })]));
        const el = await mount({ attrs: { actions: 'stop' } });
        await waitUntil(() => part(el, 'check-all'));
        const fired = new Promise<Event>((resolve) => el.addEventListener('sessions-stop', resolve, { once: true }));
        el.scrollIntoView(); // below the elements of the triggers before: its rows render in view
        await new Promise(requestAnimationFrame);
        await flush(el);
        part(el, 'stop')!.click();
        return fired;
      },
      async 'sessions-stopped'() {
        fake = installFakeFetch(({ url }) =>
          url.pathname.endsWith('/stop')
            ? json({ stopped: true, newStatus: 'stopped' })
            : page([rawSession({ status: 'queued', startedAt: null, completedAt: null })]),
        );
        const el = await mount();
        const fired = new Promise<Event>((resolve) => el.addEventListener('sessions-stopped', resolve, { once: true }));
        void el.stop([el.sessions[0]!.id]);
        return fired;
      },
    };

    it("documents the contract's session-select, and this test can make each documented event happen", () => {
      expect(names(element.events)).to.include('session-select');
      for (const event of element.events!)
        expect(Object.keys(TRIGGERS), `a trigger for ${event.name}`).to.include(event.name);
    });

    it('fires each documented event, of its documented class, with exactly the documented detail', async () => {
      for (const documented of element.events!) {
        const trigger = TRIGGERS[documented.name];
        if (!trigger) continue; // reported above
        const event = (await trigger()) as CustomEvent;
        expect(event.type).to.equal(documented.name);
        expect(event, documented.name).to.be.instanceOf(CustomEvent);
        const className = /`(\w+Event)`/.exec(documented.description ?? '')?.[1];
        expect(className, `${documented.name} names its class`).to.be.a('string');
        const eventClass = (entry as unknown as Record<string, unknown>)[className!];
        expect(eventClass, `${className} is exported`).to.be.a('function');
        expect(event, documented.name).to.be.instanceOf(eventClass as typeof Event);
        expect(event.bubbles && event.composed, `${documented.name} bubbles and is composed`).to.equal(true);
        expect(event.cancelable, `${documented.name} cancelable as documented`).to.equal(
          /\bCancelable\b/.test(documented.description ?? ''),
        );
        const detail = documentedDetail(documented);
        expect(sorted(Object.keys(event.detail)), `${documented.name} detail keys`).to.deep.equal(
          sorted(Object.keys(detail)),
        );
        for (const [key, type] of Object.entries(detail)) {
          expect(
            matches(event.detail[key], type),
            `${documented.name}.detail.${key}: ${type}, got ${JSON.stringify(event.detail[key])}`,
          ).to.equal(true);
        }
      }
    });
  });
});
