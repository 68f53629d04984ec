/**
 * The API page: every attribute, property, event, part and custom property of the element, read
 * from custom-elements.json, with a live element that knobs drive, and the embed snippet of what
 * the knobs have set. On `npm start` and in the hosted playground alike, it runs on the mock.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { RenseiSessionList } from '../src/index.js';
import { EXAMPLE_API_KEY } from '../mock/api.js';
import { elementDoc, plainDefault, type Documented } from './manifest.js';
import { bundlerSnippet, cdnSnippet, markupSnippet, scriptTagSnippet, type EmbedChoice } from './snippets.js';

const doc = elementDoc('rensei-session-list');
/** What the live element starts with: the mock in this page's folder, a small project. */
const STARTING: Readonly<Record<string, string>> = { 'api-base': '.', project: 'web', 'refresh-interval': '5' };
/** Settings that only make sense here, left out of the snippets. */
const PLAYGROUND_ONLY: Readonly<Record<string, string>> = { 'api-base': '.' };

const live = document.createElement('rensei-session-list');
live.token = EXAMPLE_API_KEY;
for (const [name, value] of Object.entries(STARTING)) live.setAttribute(name, value);
live.style.maxHeight = '420px';
const cssProperties = new Map<string, string>();

/** Text with `code` spans, as the manifest's descriptions are written. */
function prose(text = ''): TemplateResult {
  const pieces = text.split('`');
  return html`${pieces.map((piece, i) => (i % 2 ? html`<code>${piece}</code>` : piece))}`;
}

function choice(): EmbedChoice {
  const attributes = new Map<string, string | true>();
  for (const { name, default: fallback, type } of doc.attributes) {
    const value = live.getAttribute(name);
    if (value === null || PLAYGROUND_ONLY[name] === value) continue;
    if (type?.text === 'boolean') attributes.set(name, true);
    else if (value !== plainDefault(fallback)) attributes.set(name, value);
  }
  return { tagName: doc.tagName, attributes, cssProperties };
}

function setAttributeKnob(name: string, value: string | boolean): void {
  if (value === false) live.removeAttribute(name);
  else live.setAttribute(name, value === true ? '' : value);
}

function attributeKnob({ name, type, default: fallback }: Documented): TemplateResult {
  const id = `knob-${name}`;
  if (name === 'token') {
    return html`<label for=${id}><code>token</code> (the property)</label>
      <input
        id=${id}
        .value=${live.token}
        @change=${(e: Event) => (live.token = (e.target as HTMLInputElement).value)}
      />`;
  }
  if (type?.text === 'boolean') {
    return html`<label for=${id}><code>${name}</code></label>
      <input
        id=${id}
        type="checkbox"
        .checked=${live.hasAttribute(name)}
        @change=${(e: Event) => setAttributeKnob(name, (e.target as HTMLInputElement).checked)}
      />`;
  }
  return html`<label for=${id}><code>${name}</code></label>
    <input
      id=${id}
      type=${type?.text === 'number' ? 'number' : 'text'}
      .step=${'any'}
      placeholder=${plainDefault(fallback)}
      .value=${live.getAttribute(name) ?? ''}
      @change=${(e: Event) => setAttributeKnob(name, (e.target as HTMLInputElement).value)}
    />`;
}

function cssKnob({ name, default: fallback }: Documented): TemplateResult {
  const id = `knob-${name}`;
  const set = (value: string) => {
    if (value) cssProperties.set(name, value);
    else cssProperties.delete(name);
    if (value) live.style.setProperty(name, value);
    else live.style.removeProperty(name);
    update();
  };
  const colour = /^#[0-9a-f]{6}$/i.test(fallback ?? '');
  return html`<label for=${id}><code>${name}</code></label>
    <span class="knob-pair">
      <input
        id=${id}
        placeholder=${fallback ?? ''}
        .value=${cssProperties.get(name) ?? ''}
        @change=${(e: Event) => set((e.target as HTMLInputElement).value.trim())}
      />
      ${
        colour
          ? html`<input
              type="color"
              aria-label="${name} colour"
              .value=${cssProperties.get(name) ?? fallback ?? '#000000'}
              @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
            />`
          : nothing
      }
    </span>`;
}

function snippet(title: string, id: string, text: string): TemplateResult {
  const copy = async (e: Event) => {
    const button = e.target as HTMLButtonElement;
    await navigator.clipboard.writeText(text).then(
      () => (button.textContent = 'Copied'),
      () => (button.textContent = 'Select the text to copy it'),
    );
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  };
  return html`<figure class="snippet" id=${id}>
    <figcaption>${title} <button type="button" @click=${copy}>Copy</button></figcaption>
    <pre><code>${text}</code></pre>
  </figure>`;
}

function table(caption: string, id: string, columns: string[], rows: (string | TemplateResult)[][]): TemplateResult {
  if (rows.length === 0) return html``;
  return html`<section class="reference" id=${id}>
    <h2>${caption}</h2>
    <table>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col">${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${row.map((cell) => html`<td>${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : '');

function page(): TemplateResult {
  const embed = choice();
  const fields = doc.members.filter((member) => member.kind === 'field' && !member.static);
  const methods = doc.members.filter((member) => member.kind === 'method' && !member.name.startsWith('_'));
  return html`
    <section class="try" aria-labelledby="try-title">
      <form class="panel knobs" aria-labelledby="try-title" @submit=${(e: Event) => e.preventDefault()}>
        <h2 id="try-title">Knobs</h2>
        <p class="hint">Attributes (the filters reflect what you pick in the list):</p>
        <div class="knob-grid">${doc.attributes.map(attributeKnob)}</div>
        <p class="hint">Custom properties:</p>
        <div class="knob-grid">${doc.cssProperties.map(cssKnob)}</div>
      </form>
      <div class="live">${live}</div>
    </section>
    <section class="embed" id="embed" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed it</h2>
      <p class="hint">
        What the knobs have set, ready to paste. Set <code>token</code> as a property from your own code (or put a
        same-origin proxy in <code>api-base</code>); never write a key into a page.
      </p>
      ${snippet('The element, as set above', 'snippet-markup', markupSnippet(embed))}
      ${snippet('With a script tag, no build step', 'snippet-script', scriptTagSnippet(embed))}
      ${snippet('From a CDN, nothing to install', 'snippet-cdn', cdnSnippet(embed, RenseiSessionList.version))}
      ${snippet('With a bundler', 'snippet-bundler', bundlerSnippet(embed))}
    </section>
    ${table(
      'Attributes',
      'attributes',
      ['attribute', 'property', 'type', 'default', 'description'],
      doc.attributes.map((a) => [
        code(a.name),
        code((a as { fieldName?: string }).fieldName),
        code(a.type?.text),
        code(a.default),
        prose(a.description),
      ]),
    )}
    ${table(
      'Properties',
      'properties',
      ['property', 'type', 'default', 'description'],
      fields.map((f) => [code(f.name), code(f.type?.text), code(f.default), prose(f.description)]),
    )}
    ${table(
      'Methods',
      'methods',
      ['method', 'description'],
      methods.map((m) => [code(`${m.static ? 'static ' : ''}${m.name}()`), prose(m.description)]),
    )}
    ${table(
      'Events',
      'events',
      ['event', 'type', 'description'],
      doc.events.map((e) => [code(e.name), code(e.type?.text), prose(e.description)]),
    )}
    ${table(
      'Parts',
      'parts',
      ['part', 'description'],
      doc.cssParts.map((p) => [code(`::part(${p.name})`), prose(p.description)]),
    )}
    ${table(
      'Custom properties',
      'css-properties',
      ['property', 'default', 'description'],
      doc.cssProperties.map((p) => [code(p.name), code(p.default), prose(p.description)]),
    )}
    ${table(
      'Slots',
      'slots',
      ['slot', 'description'],
      doc.slots.map((s) => [code(s.name || '(default)'), prose(s.description)]),
    )}
  `;
}

const root = document.querySelector<HTMLElement>('#api')!;
function update(): void {
  render(page(), root);
}
// The element reflects the filters a person picks in it: the knobs and snippets follow.
new MutationObserver(update).observe(live, { attributes: true });
document.querySelector('#summary')!.textContent = doc.summary ?? '';
update();
