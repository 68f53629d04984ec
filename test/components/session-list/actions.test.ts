/**
 * `actions="stop"` against the mock: the row and bulk controls, asking (`sessions-stop`, the
 * dialog), sending (at most 4, one per id), the outcomes, and `stop(ids)`.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_API_KEY, READ_ONLY_KEY_PREFIX } from '../../../mock/api.js';
import type { RenseiSessionList } from '../../../src/index.js';
import type { SessionsStopEvent, SessionsStoppedEvent } from '../../../src/events.js';
import { flush, part, parts, shadow, text } from '../../helpers/element.js';
import { mountOnMock, resetMock } from '../../helpers/mock-server.js';
import { gateStops, type StopGate } from '../../helpers/stop-gate.js';

const rowOf = (el: RenseiSessionList, id: string) =>
  shadow(el).querySelector<HTMLElement>(`[part~="row"][data-session-id="${id}"]`)!;
const inRow = <T extends HTMLElement>(el: RenseiSessionList, id: string, name: string) =>
  rowOf(el, id).querySelector<T>(`[part~="${name}"]`);
const dialog = (el: RenseiSessionList) => part<HTMLDialogElement>(el, 'confirm')!;
/** The loaded sessions that can be stopped, in order. */
const stoppable = (el: RenseiSessionList) =>
  el.sessions.filter((session) => session.status === 'queued' || session.status === 'working');

const stoppableIds = (el: RenseiSessionList, count: number) =>
  stoppable(el)
    .slice(0, count)
    .map((session) => session.id);

async function mountActing(token = EXAMPLE_API_KEY): Promise<RenseiSessionList> {
  const el = await mountOnMock({ token });
  el.actions = 'stop';
  // The stop controls are a chunk of their own, loaded once `actions` asks for them.
  await waitUntil(() => part(el, 'check-all'), 'the actions chunk loads');
  await flush(el);
  return el;
}

/** Clicks and waits for the render the click asked for. */
async function click(el: RenseiSessionList, control: HTMLElement | null): Promise<void> {
  expect(control, 'the control to click').to.exist;
  control!.click();
  await flush(el);
}

function check(el: RenseiSessionList, ids: string[]): Promise<void> {
  for (const id of ids) inRow(el, id, 'row-check')!.click();
  return flush(el);
}

describe('actions="stop"', () => {
  let gate: StopGate | undefined;
  beforeEach(() => resetMock());
  afterEach(() => {
    gate?.releaseAll();
    gate?.restore();
    gate = undefined;
  });

  it('renders nothing of it without the attribute: no checkbox, no stop, no dialog', async () => {
    const el = await mountOnMock();
    for (const name of ['row-check', 'check-all', 'stop', 'bulk-stop', 'confirm', 'stop-summary']) {
      expect(part(el, name), name).to.equal(null);
    }
  });

  it('styles its controls once the chunk arrives (its rules ship in the chunk): the checkbox column, rows no taller', async () => {
    const el = await mountActing();
    const box = part(el, 'row-check')!;
    expect(getComputedStyle(box).minHeight, 'a checkbox does not make its row taller').to.equal('0px');
    expect(getComputedStyle(part(el, 'grid')!).getPropertyValue('--_c0').trim(), 'the checkbox column').to.equal(
      '32px',
    );
    const sheets = shadow(el).adoptedStyleSheets;
    expect(new Set(sheets).size, 'each sheet adopted once').to.equal(sheets.length);
    await flush(el);
    expect(shadow(el).adoptedStyleSheets.length, 'a render adds nothing more').to.equal(sheets.length);
  });

  it('takes its controls off every row when actions are turned off again', async () => {
    const el = await mountActing();
    expect(part(el, 'row-check'), 'checkboxes while on').to.exist;
    el.actions = '';
    await flush(el);
    for (const name of ['row-check', 'check-all', 'stop', 'stop-outcome', 'bulk-stop', 'confirm']) {
      expect(part(el, name), name).to.equal(null);
    }
    expect(shadow(el).querySelector('.c-check'), 'the checkbox cell').to.equal(null);
  });

  it('puts a stop button named after the session on queued and working rows only, and a checkbox on every row', async () => {
    const el = await mountActing();
    for (const row of parts(el, 'row')) {
      const session = el.sessions.find((s) => s.id === row.dataset.sessionId)!;
      const stop = row.querySelector('[part~="stop"]');
      const canStop = session.status === 'queued' || session.status === 'working';
      expect(!!stop, `${session.status} row`).to.equal(canStop);
      if (stop) expect(stop.getAttribute('aria-label')).to.equal(`Stop ${session.issueIdentifier || session.id}`);
      expect(row.querySelector('input[type="checkbox"][part~="row-check"]'), 'row-check').to.exist;
    }
    expect(part(el, 'check-all')).to.exist;
  });

  it("takes the host's words for its own (their defaults ship in the chunk), German included", async () => {
    const el = await mountOnMock();
    el.strings = { stop: 'Anhalten', stopLabel: (name) => `${name} anhalten`, rowCheck: (name) => `${name} auswählen` };
    el.actions = 'stop';
    await waitUntil(() => part(el, 'stop'), 'the actions chunk loads');
    await flush(el);
    const stop = part(el, 'stop')!;
    const id = stop.closest<HTMLElement>('[part~="row"]')!.dataset.sessionId!;
    const name = el.sessions.find((session) => session.id === id)!.issueIdentifier || id;
    expect(text(stop)).to.equal('Anhalten');
    expect(stop.getAttribute('aria-label')).to.equal(`${name} anhalten`);
    expect(inRow(el, id, 'row-check')!.getAttribute('aria-label')).to.equal(`${name} auswählen`);
    // What the host left alone keeps its default.
    expect(part(el, 'check-all')!.getAttribute('aria-label')).to.match(/^Select all \d+ sessions in view$/);
  });

  it('asks before sending: sessions-stop, then the dialog naming the session, with Cancel focused', async () => {
    const el = await mountActing();
    gate = gateStops();
    const [target] = stoppable(el);
    const asked = oneEvent(el, 'sessions-stop') as Promise<SessionsStopEvent>;
    await click(el, inRow(el, target!.id, 'stop'));
    const event = await asked;
    expect(event.cancelable).to.equal(true);
    expect(event.detail.sessions.map((s) => s.id)).to.deep.equal([target!.id]);
    expect(dialog(el).open).to.equal(true);
    expect(text(dialog(el))).to.include(target!.issueIdentifier!);
    expect(shadow(el).activeElement).to.equal(part(el, 'confirm-cancel'));
    expect(gate.sent).to.have.length(0);
  });

  it('sends nothing when the host cancels sessions-stop, and opens no dialog', async () => {
    const el = await mountActing();
    gate = gateStops();
    el.addEventListener('sessions-stop', (event) => event.preventDefault());
    await click(el, inRow(el, stoppable(el)[0]!.id, 'stop'));
    expect(dialog(el).open).to.equal(false);
    await flush(el);
    expect(gate.sent).to.have.length(0);
  });

  it('sends nothing on Cancel, nor on Escape', async () => {
    const el = await mountActing();
    gate = gateStops();
    const id = stoppable(el)[0]!.id;
    await click(el, inRow(el, id, 'stop'));
    await click(el, part(el, 'confirm-cancel'));
    expect(dialog(el).open).to.equal(false);
    await click(el, inRow(el, id, 'stop'));
    expect(dialog(el).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await flush(el);
    expect(dialog(el).open).to.equal(false);
    expect(gate.sent).to.have.length(0);
  });

  it('shows "Stopping…" only while the answer is out, then the new status, and fires sessions-stopped', async () => {
    const el = await mountActing();
    gate = gateStops();
    const { id } = stoppable(el).find((s) => s.status === 'working')!;
    await click(el, inRow(el, id, 'stop'));
    await click(el, part(el, 'confirm-accept'));
    await gate.made(1);
    await flush(el);
    expect(text(inRow(el, id, 'stop-outcome'))).to.equal('Stopping…');
    expect(inRow(el, id, 'status-badge')!.dataset.status, 'no status before the answer').to.equal('working');
    expect(inRow(el, id, 'stop'), 'no second stop while one is out').to.equal(null);
    const stopped = oneEvent(el, 'sessions-stopped') as Promise<SessionsStoppedEvent>;
    gate.releaseAll();
    const { detail } = await stopped;
    await flush(el);
    expect(detail.results).to.deep.equal([{ id, ok: true, status: 200, message: 'Stopped.' }]);
    expect(inRow(el, id, 'status-badge')!.dataset.status).to.equal('stopped');
    expect(text(inRow(el, id, 'stop-outcome'))).to.equal('Stopped');
    expect(text(part(el, 'stop-summary'))).to.equal('1 stopped.');
    expect(part(el, 'stop-summary')!.getAttribute('role')).to.equal('status');
  });

  it('check-all checks the view as it is, says how many, and leaves out rows filtered away', async () => {
    const el = await mountActing();
    el.status = 'working';
    await flush(el);
    const working = el.sessions.filter((s) => s.status === 'working').length;
    const all = part<HTMLInputElement>(el, 'check-all')!;
    expect(all.getAttribute('aria-label')).to.equal(`Select all ${working} sessions in view`);
    await click(el, all);
    expect(text(part(el, 'bulk-stop'))).to.equal(`Stop ${working} sessions`);
    el.status = '';
    await flush(el);
    // Queued rows were not in the view when check-all was used: they stay unchecked.
    const queued = el.sessions.find((s) => s.status === 'queued')!;
    expect(inRow<HTMLInputElement>(el, queued.id, 'row-check')!.checked).to.equal(false);
    expect(text(part(el, 'bulk-stop'))).to.equal(`Stop ${working} sessions`);
  });

  it('check-all covers the whole view, not only the rows in the window', async () => {
    const el = await mountActing();
    el.style.cssText = 'display:block;height:200px';
    await flush(el);
    expect(parts(el, 'row').length, 'a window smaller than the view').to.be.below(el.sessions.length);
    await click(el, part(el, 'check-all'));
    const all = stoppable(el).length;
    expect(text(part(el, 'bulk-stop'))).to.equal(`Stop ${all} sessions`);
  });

  it('counts, names and sends only checked rows in view that can still be stopped, "and N more" past five', async () => {
    const el = await mountActing();
    gate = gateStops();
    const ids = stoppableIds(el, 8);
    const ended = el.sessions.find((s) => s.status === 'completed')!;
    await check(el, [...ids, ended.id]);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 8 sessions');
    const asked = oneEvent(el, 'sessions-stop') as Promise<SessionsStopEvent>;
    await click(el, part(el, 'bulk-stop'));
    expect((await asked).detail.sessions.map((s) => s.id)).to.deep.equal(ids);
    expect(text(dialog(el))).to.match(/and 3 more/);
    expect(text(dialog(el))).not.to.include(ended.issueIdentifier!);
    await click(el, part(el, 'confirm-accept'));
    await gate.made(4);
    gate.releaseAll();
    await gate.made(8);
    gate.releaseAll();
    expect(gate.sent.map((held) => held.id).sort()).to.deep.equal([...ids].sort());
  });

  it('leaves a checked row that a filter hides out of the count and the requests', async () => {
    const el = await mountActing();
    gate = gateStops({ hold: false });
    const named = stoppable(el).filter((s) => s.issueIdentifier);
    const shown = named[0]!;
    const hidden = named.find((s) => !s.issueIdentifier!.startsWith(shown.issueIdentifier!))!;
    await check(el, [shown.id, hidden.id]);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 2 sessions');
    el.search = shown.issueIdentifier!;
    await flush(el);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 1 session');
    const done = oneEvent(el, 'sessions-stopped') as Promise<SessionsStoppedEvent>;
    await click(el, part(el, 'bulk-stop'));
    expect(text(dialog(el))).not.to.include(hidden.issueIdentifier!);
    await click(el, part(el, 'confirm-accept'));
    await done;
    expect(gate.sent.map((held) => held.id)).to.deep.equal([shown.id]);
  });

  it('keeps a refresh that ends a checked row from counting or sending it', async () => {
    const el = await mountActing();
    const [keep, ends] = stoppable(el);
    await check(el, [keep!.id, ends!.id]);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 2 sessions');
    // Stopped behind the widget's back (another operator); the next refresh brings the news.
    await fetch(`/api/public/sessions/${ends!.id}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${EXAMPLE_API_KEY}` },
    });
    await el.refresh();
    await flush(el);
    expect(inRow<HTMLInputElement>(el, ends!.id, 'row-check')!.checked, 'still checked').to.equal(true);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 1 session');
    gate = gateStops({ hold: false });
    const asked = oneEvent(el, 'sessions-stop') as Promise<SessionsStopEvent>;
    await click(el, part(el, 'bulk-stop'));
    expect((await asked).detail.sessions.map((s) => s.id)).to.deep.equal([keep!.id]);
  });

  it('keeps the checked set through refreshes and windowing', async () => {
    const el = await mountActing();
    el.style.cssText = 'display:block;height:200px';
    await flush(el);
    const id = stoppable(el)[0]!.id;
    await check(el, [id]);
    await el.refresh();
    await flush(el);
    expect(inRow<HTMLInputElement>(el, id, 'row-check')!.checked).to.equal(true);
    const scroller = part(el, 'scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise(requestAnimationFrame);
    await flush(el);
    expect(shadow(el).querySelector(`[data-session-id="${id}"]`), 'windowed out').to.equal(null);
    scroller.scrollTop = 0;
    await new Promise(requestAnimationFrame);
    await flush(el);
    expect(inRow<HTMLInputElement>(el, id, 'row-check')!.checked).to.equal(true);
  });

  it('sends at most 4 requests at once, and all of them in the end', async () => {
    const el = await mountActing();
    gate = gateStops();
    const ids = stoppableIds(el, 10);
    const done = el.stop(ids);
    await gate.made(4);
    await flush(el);
    expect(gate.inFlight).to.equal(4);
    expect(gate.sent).to.have.length(4);
    while (gate.sent.length < 10 || gate.inFlight > 0) {
      gate.releaseAll();
      await flush(el);
      expect(gate.inFlight).to.be.at.most(4);
    }
    const results = await done;
    expect(gate.maxInFlight).to.equal(4);
    expect(results.map((r) => r.id)).to.deep.equal(ids);
    expect(results.every((r) => r.ok)).to.equal(true);
  });

  it('stop(ids) sends without asking, and refuses ids not loaded, ended, in flight or dot segments', async () => {
    const el = await mountActing();
    gate = gateStops();
    let asked = 0;
    el.addEventListener('sessions-stop', () => asked++);
    const [live] = stoppable(el);
    const ended = el.sessions.find((s) => s.status === 'failed')!;
    const first = el.stop([live!.id]);
    await gate.made(1);
    const stopped = oneEvent(el, 'sessions-stopped') as Promise<SessionsStoppedEvent>;
    const second = await el.stop([live!.id, 'ffffffffffffffff', ended.id, '..', '%2e%2e']);
    expect((await stopped).detail.results).to.deep.equal(second);
    // Every refused id comes back, in the order asked: none is dropped without a word.
    expect(second.map((r) => r.id)).to.deep.equal([live!.id, 'ffffffffffffffff', ended.id, '..', '%2e%2e']);
    for (const result of second) expect(result, result.id).to.include({ ok: false, status: null });
    expect(second.map((r) => r.message)).to.satisfy((messages: string[]) => messages.every((m) => m.length > 10));
    gate.releaseAll();
    expect((await first)[0]!.ok).to.equal(true);
    expect(gate.sent.map((held) => held.id)).to.deep.equal([live!.id]);
    expect(asked).to.equal(0);
  });

  it('stop(ids) works with actions off', async () => {
    const el = await mountOnMock();
    const id = stoppable(el)[0]!.id;
    const [result] = await el.stop([id]);
    expect(result).to.include({ id, ok: true, status: 200 });
  });

  it('sends once for a double click on stop and accept', async () => {
    const el = await mountActing();
    gate = gateStops();
    const id = stoppable(el)[0]!.id;
    const stop = inRow(el, id, 'stop')!;
    stop.click();
    stop.click();
    await flush(el);
    const accept = part(el, 'confirm-accept')!;
    accept.click();
    accept.click();
    await flush(el);
    inRow(el, id, 'stop')?.click();
    await flush(el);
    expect(dialog(el).open).to.equal(false);
    expect(gate.sent.map((held) => held.id)).to.deep.equal([id]);
  });

  it('sends once for Enter held down on accept', async () => {
    const el = await mountActing();
    gate = gateStops();
    const id = stoppable(el)[0]!.id;
    await click(el, inRow(el, id, 'stop'));
    part(el, 'confirm-accept')!.focus();
    await sendKeys({ down: 'Enter' });
    for (let i = 0; i < 5; i++) await sendKeys({ down: 'Enter' });
    await sendKeys({ up: 'Enter' });
    await flush(el);
    expect(gate.sent.map((held) => held.id)).to.deep.equal([id]);
  });

  it('says why on the row: 403 read-only, 404 unknown, 409 ended, each in its own words', async () => {
    const readOnly = await mountActing(`rsk_test_${READ_ONLY_KEY_PREFIX}0001`);
    const { id, status } = stoppable(readOnly)[0]!;
    const [forbidden] = await readOnly.stop([id]);
    await flush(readOnly);
    expect(forbidden!.status).to.equal(403);
    expect(text(inRow(readOnly, id, 'stop-outcome'))).to.match(/This API key can only read sessions/);
    expect(inRow(readOnly, id, 'status-badge')!.dataset.status, 'status left alone').to.equal(status);
    readOnly.remove(); // the next one's rows in the viewport, not below it

    const el = await mountActing();
    const [a, b] = stoppable(el);
    await fetch(`/api/public/sessions/${a!.id}/stop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${EXAMPLE_API_KEY}` },
    });
    const [ended] = await el.stop([a!.id]);
    expect(ended!.status).to.equal(409);
    await resetMock({ seed: 2 }); // another fleet: the loaded ids are unknown to it
    const [unknown] = await el.stop([b!.id]);
    expect(unknown!.status).to.equal(404);
    await flush(el);
    const words = [text(inRow(el, a!.id, 'stop-outcome')), text(inRow(el, b!.id, 'stop-outcome'))];
    expect(words[0]).to.match(/already ended/);
    expect(words[1]).to.match(/not found/);
    expect(new Set([...words, forbidden!.message]).size).to.equal(3);
  });

  it('survives a network failure mid-bulk: the rest go on, the failed row stays checked, the summary says', async () => {
    const el = await mountActing();
    gate = gateStops();
    const ids = stoppableIds(el, 6);
    await check(el, ids);
    await click(el, part(el, 'bulk-stop'));
    const done = oneEvent(el, 'sessions-stopped') as Promise<SessionsStoppedEvent>;
    await click(el, part(el, 'confirm-accept'));
    await gate.made(4);
    gate.sent[1]!.fail();
    while (gate.sent.length < 6 || gate.inFlight > 0) {
      gate.releaseAll();
      await flush(el);
    }
    const { results } = (await done).detail;
    expect(results.filter((r) => r.ok)).to.have.length(5);
    expect(results[1]).to.include({ ok: false, status: null });
    await flush(el);
    expect(inRow<HTMLInputElement>(el, ids[1]!, 'row-check')!.checked, 'retryable: still checked').to.equal(true);
    expect(inRow<HTMLInputElement>(el, ids[0]!, 'row-check')!.checked, 'done: unchecked').to.equal(false);
    expect(text(part(el, 'stop-summary'))).to.match(/^5 stopped\. 1 not stopped: .*Couldn't reach/);
    expect(text(part(el, 'bulk-stop'))).to.equal('Stop 1 session');
  });

  it('keeps the key out of results, events and messages', async () => {
    const token = `rsk_test_${READ_ONLY_KEY_PREFIX}s3cr3tk3y99`;
    const el = await mountActing(token);
    const seen: unknown[] = [];
    el.addEventListener('sessions-stop', (event) => seen.push(event.detail));
    el.addEventListener('sessions-stopped', (event) => seen.push(event.detail));
    const id = stoppable(el)[0]!.id;
    await click(el, inRow(el, id, 'stop'));
    const done = oneEvent(el, 'sessions-stopped');
    await click(el, part(el, 'confirm-accept'));
    await done;
    await flush(el);
    const everything = JSON.stringify(seen) + shadow(el).textContent + el.outerHTML;
    expect(everything).not.to.include('s3cr3tk3y99');
  });

  describe('keyboard', () => {
    it('Space toggles the focused row’s checkbox, and Enter still activates it', async () => {
      const el = await mountActing();
      const id = el.sessions[0]!.id;
      let selected = 0;
      el.addEventListener('session-select', () => selected++);
      rowOf(el, id).focus();
      await sendKeys({ press: 'Space' });
      await flush(el);
      expect(inRow<HTMLInputElement>(el, id, 'row-check')!.checked).to.equal(true);
      expect(selected).to.equal(0);
      await sendKeys({ press: 'Enter' });
      expect(selected).to.equal(1);
    });

    it('Space still activates with actions off', async () => {
      const el = await mountOnMock();
      let selected = 0;
      el.addEventListener('session-select', () => selected++);
      rowOf(el, el.sessions[0]!.id).focus();
      await sendKeys({ press: 'Space' });
      expect(selected).to.equal(1);
    });

    it('Left and Right move among a row’s controls, and back to the row', async () => {
      const el = await mountActing();
      const id = stoppable(el)[0]!.id;
      const row = rowOf(el, id);
      row.focus();
      await flush(el);
      await sendKeys({ press: 'ArrowRight' });
      expect(shadow(el).activeElement).to.equal(inRow(el, id, 'row-check'));
      const reached: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'ArrowRight' });
        reached.push(shadow(el).activeElement!.getAttribute('part')!);
      }
      expect(reached).to.include('stop');
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'ArrowLeft' });
      expect(shadow(el).activeElement).to.equal(row);
      expect(row.tabIndex).to.equal(0);
    });

    it('Up from the first row reaches the header’s check-all, Down goes back, one Tab stop throughout', async () => {
      const el = await mountActing();
      const first = rowOf(el, el.sessions[0]!.id);
      first.focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(shadow(el).activeElement).to.equal(part(el, 'check-all'));
      await sendKeys({ press: 'Space' });
      await flush(el);
      expect(
        inRow<HTMLInputElement>(el, el.sessions[0]!.id, 'row-check')!.checked,
        'Space on check-all checks the view',
      ).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await flush(el);
      expect(shadow(el).activeElement).to.equal(first);
      const stops = [...shadow(el).querySelectorAll('[tabindex="0"]')];
      expect(stops, 'one Tab stop').to.have.length(1);
      for (const control of shadow(el).querySelectorAll<HTMLElement>('[part~="grid"] :is(input, button)')) {
        expect(control.tabIndex, control.getAttribute('part')!).to.equal(-1);
      }
    });
  });

  it('is accessible with checkboxes, and with the dialog open', async () => {
    const el = await mountActing();
    await check(el, [stoppable(el)[0]!.id]);
    await expect(el).to.be.accessible();
    await click(el, part(el, 'bulk-stop'));
    expect(dialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
