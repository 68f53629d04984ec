/**
 * React 19 passes properties and custom events to custom elements natively: a tiny React app
 * renders `<rensei-session-list>` against the mock API on this origin, with
 * `onsession-select={…}`, and a click on a row reaches the handler with the session.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import { RenseiSessionList, SessionSelectEvent, type Session } from '../../src/index.js';
import { resetMock } from '../helpers/mock-server.js';

interface AppProps {
  onSelect: (event: SessionSelectEvent) => void;
}

/** What a host page writes: the list, and its own panel for the session picked. */
function App({ onSelect }: AppProps) {
  const [picked, setPicked] = useState<Session | null>(null);
  return (
    <main>
      <rensei-session-list
        apiBase={location.origin}
        project="web"
        token={EXAMPLE_API_KEY}
        refreshInterval={0}
        onsession-select={(event) => {
          onSelect(event);
          if (!event.defaultPrevented) setPicked(event.detail.session);
        }}
      />
      <output>{picked ? `${picked.issueIdentifier ?? picked.id} (${picked.status})` : 'none'}</output>
    </main>
  );
}

describe('React 19', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(async () => {
    await resetMock();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  async function renderApp(onSelect: AppProps['onSelect']): Promise<RenseiSessionList> {
    root.render(<App onSelect={onSelect} />);
    await waitUntil(() => container.querySelector('rensei-session-list'), 'React rendered the element');
    const el = container.querySelector('rensei-session-list')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="row"]'), 'rows from the mock', { timeout: 5000 });
    return el;
  }

  const firstRow = (el: RenseiSessionList) => el.shadowRoot!.querySelector<HTMLElement>('[part~="row"]')!;

  it('sets properties, not attributes (the token never lands in the markup)', async () => {
    const el = await renderApp(() => {});
    expect(el).to.be.instanceOf(RenseiSessionList);
    expect(el.apiBase).to.equal(location.origin);
    expect(el.refreshInterval).to.equal(0);
    expect(el.token).to.equal(EXAMPLE_API_KEY);
    expect(el.hasAttribute('token')).to.equal(false);
    expect(container.innerHTML).not.to.contain(EXAMPLE_API_KEY);
  });

  it('calls onsession-select with the session when a row is clicked', async () => {
    const calls: SessionSelectEvent[] = [];
    const el = await renderApp((event) => calls.push(event));
    const row = firstRow(el);
    const id = row.dataset.sessionId!;
    row.click();
    expect(calls).to.have.length(1);
    const [event] = calls;
    expect(event).to.be.instanceOf(SessionSelectEvent);
    expect(event!.type).to.equal('session-select');
    expect(event!.detail.session.id).to.equal(id);
    expect(event!.detail.session).to.deep.equal(el.sessions.find((session) => session.id === id));
    // The handler's state update re-rendered the host's panel, and the row is marked selected.
    const session = event!.detail.session;
    await waitUntil(() => container.querySelector('output')!.textContent !== 'none');
    expect(container.querySelector('output')!.textContent).to.equal(
      `${session.issueIdentifier ?? session.id} (${session.status})`,
    );
    expect(el.selected).to.equal(id);
  });

  it('a handler that cancels keeps the row from being marked selected', async () => {
    const el = await renderApp((event) => event.preventDefault());
    firstRow(el).click();
    expect(el.selected).to.equal('');
    expect(container.querySelector('output')!.textContent).to.equal('none');
  });

  it('a new handler on re-render replaces the old one', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const el = await renderApp((event) => first.push(event.detail.session.id));
    flushSync(() => root.render(<App onSelect={(event) => second.push(event.detail.session.id)} />));
    firstRow(el).click();
    expect(first).to.deep.equal([]);
    expect(second).to.deep.equal([firstRow(el).dataset.sessionId]);
  });
});
