/**
 * Registration on the host's terms (`rensei-session-list/element`), the default entry's own
 * registration, and what happens when two versions meet on one page.
 *
 * This file imports `src/element.ts` first and the default entry only later, on purpose: the
 * element entry must register nothing.
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import { RenseiSessionList, TAG_NAME, type SessionsLoadEvent } from '../../src/element.js';

// Not test/helpers/mock-server.ts: it imports the default entry, which registers the tag.
const resetMock = () =>
  fetch('/__mock/reset', { method: 'POST', body: JSON.stringify({ seed: 1, time: '2026-06-02T15:00:00Z' }) });

/** Records console.warn while `run` runs. */
async function warnings(run: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** Mounts a `tag` element (made in `root`, so in its registry) against the mock on this origin. */
async function mountOnMock(tag: string, root: ParentNode & Node = document.body): Promise<RenseiSessionList> {
  const markup = `<div><${tag} refresh-interval="0" project="web"></${tag}></div>`;
  let holder: Element;
  if (root instanceof ShadowRoot) {
    // Markup parsed into a shadow root uses that root's registry (a scoped one too).
    root.innerHTML = markup;
    holder = root.firstElementChild!;
  } else {
    holder = document.createElement('div');
    holder.innerHTML = markup;
    root.appendChild(holder);
  }
  const el = holder.querySelector(tag) as RenseiSessionList;
  const loaded = new Promise<SessionsLoadEvent>((resolve) =>
    el.addEventListener('sessions-load', resolve, { once: true }),
  );
  Object.assign(el, { apiBase: location.origin, token: EXAMPLE_API_KEY });
  await loaded;
  await el.updateComplete;
  return el;
}

const rows = (el: Element) => el.shadowRoot!.querySelectorAll('[part~="row"]').length;

describe("registration on the host's terms", () => {
  before(() => resetMock());
  const mounted: Element[] = [];
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('`./element` has no side effects: nothing is registered by importing it', () => {
    expect(customElements.get(TAG_NAME)).to.equal(undefined);
    expect(customElements.getName(RenseiSessionList)).to.equal(null);
    expect(TAG_NAME).to.equal('rensei-session-list');
  });

  it("defines the element under the host's own tag, and it works there", async () => {
    const answer = RenseiSessionList.define('acme-sessions');
    expect(answer === RenseiSessionList).to.equal(true);
    expect(customElements.get('acme-sessions') === RenseiSessionList).to.equal(true);
    expect(customElements.get(TAG_NAME)).to.equal(undefined);
    const el = await mountOnMock('acme-sessions');
    mounted.push(el);
    expect(el).to.be.instanceOf(RenseiSessionList);
    expect(rows(el)).to.be.greaterThan(0);
  });

  it('a second tag for the same class gets a subclass of its own (a constructor registers once)', () => {
    const answer = RenseiSessionList.define('acme-sessions-too');
    expect(answer === RenseiSessionList).to.equal(false);
    expect(answer.prototype).to.be.instanceOf(RenseiSessionList);
    expect(customElements.get('acme-sessions-too') === answer).to.equal(true);
    expect(document.createElement('acme-sessions-too')).to.be.instanceOf(RenseiSessionList);
  });

  it('defining a taken tag again does nothing, says nothing and answers what is there', async () => {
    const said = await warnings(() => {
      expect(RenseiSessionList.define('acme-sessions') === RenseiSessionList).to.equal(true);
      expect(RenseiSessionList.define('acme-sessions-too') === customElements.get('acme-sessions-too')).to.equal(true);
    });
    expect(said).to.deep.equal([]);
  });

  it('uses the registry it is given, and leaves the global one alone', () => {
    const defined: [string, CustomElementConstructor][] = [];
    const registry = {
      get: (tag: string) => defined.find(([name]) => name === tag)?.[1],
      getName: (ctor: CustomElementConstructor) => defined.find(([, c]) => c === ctor)?.[0] ?? null,
      define: (tag: string, ctor: CustomElementConstructor) => void defined.push([tag, ctor]),
    } as unknown as CustomElementRegistry;
    RenseiSessionList.define(TAG_NAME, registry);
    RenseiSessionList.define(TAG_NAME, registry);
    expect(defined.map(([tag, ctor]) => [tag, ctor === RenseiSessionList])).to.deep.equal([[TAG_NAME, true]]);
    expect(customElements.get(TAG_NAME)).to.equal(undefined);
  });

  it('works in a real scoped registry, where the browser has them', async function () {
    let registry: CustomElementRegistry;
    try {
      registry = new CustomElementRegistry();
    } catch {
      this.skip(); // No scoped custom element registries in this browser.
    }
    RenseiSessionList.define(TAG_NAME, registry!);
    expect(registry!.get(TAG_NAME) === RenseiSessionList).to.equal(true);
    expect(customElements.get(TAG_NAME)).to.equal(undefined);
    const host = document.createElement('div');
    document.body.append(host);
    mounted.push(host);
    const root = host.attachShadow({ mode: 'open', customElementRegistry: registry! } as ShadowRootInit);
    const el = await mountOnMock(TAG_NAME, root);
    expect(el).to.be.instanceOf(RenseiSessionList);
    expect(rows(el)).to.be.greaterThan(0);
  });
});

describe('the default entry', () => {
  it('registers <rensei-session-list> in the global registry when imported', async () => {
    expect(customElements.get(TAG_NAME)).to.equal(undefined);
    const entry = await import('../../src/index.js');
    const registered = customElements.get(TAG_NAME);
    // The class itself, or (as here, where earlier tests gave it another tag) a subclass of it.
    expect(registered === RenseiSessionList || registered?.prototype instanceof RenseiSessionList).to.equal(true);
    expect(entry.RenseiSessionList === RenseiSessionList).to.equal(true);
    expect(document.createElement(TAG_NAME)).to.be.instanceOf(RenseiSessionList);
  });
});

describe('versions', () => {
  it("carries a static version equal to package.json's, with a CHANGELOG entry for it", async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(RenseiSessionList.version).to.equal(pkg.version);
    expect(RenseiSessionList.version).to.match(/^\d+\.\d+\.\d+/);
    const changelog = await (await fetch('/CHANGELOG.md')).text();
    expect(changelog).to.contain(`## [${pkg.version}]`);
    expect(changelog).to.match(/^## \[Unreleased\]/m);
  });

  /** Another copy of the package, of another version, as a page that bundles two would have. */
  function otherCopy(version: string | undefined): CustomElementConstructor {
    return class extends LitElement {
      static version = version;
    };
  }

  it('two versions on one page: the first registered wins, one warning names both, nothing throws', async () => {
    const older = otherCopy('0.0.9');
    customElements.define('versioned-sessions', older);
    const said = await warnings(() => {
      expect(() => RenseiSessionList.define('versioned-sessions')).not.to.throw();
      expect(RenseiSessionList.define('versioned-sessions') === older).to.equal(true);
      RenseiSessionList.define('versioned-sessions');
    });
    expect(customElements.get('versioned-sessions') === older).to.equal(true);
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('0.0.9').and.contain(RenseiSessionList.version).and.contain('<versioned-sessions>');
  });

  it('a newer copy arriving after this one leaves it in place, and warns once', async () => {
    class Newer extends RenseiSessionList {
      static override readonly version = '9.0.0';
    }
    const first = customElements.get(TAG_NAME);
    expect(first, 'registered by the default entry above').to.exist;
    const said = await warnings(() => {
      expect(Newer.define(TAG_NAME) === first).to.equal(true);
      Newer.define(TAG_NAME);
    });
    expect(customElements.get(TAG_NAME) === first).to.equal(true);
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('9.0.0').and.contain(RenseiSessionList.version);
  });

  it('an element of unknown version in the way is named as such', async () => {
    customElements.define('unversioned-sessions', otherCopy(undefined));
    const said = await warnings(() => RenseiSessionList.define('unversioned-sessions'));
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('unknown version').and.contain(RenseiSessionList.version);
  });

  it('two copies of the same version meet silently (they are the same element)', async () => {
    const twin = otherCopy(RenseiSessionList.version);
    customElements.define('twin-sessions', twin);
    const said = await warnings(() => RenseiSessionList.define('twin-sessions'));
    expect(said).to.deep.equal([]);
    expect(customElements.get('twin-sessions') === twin).to.equal(true);
  });
});
