import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { installFakeFetch, page, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, parts, shadow } from '../../helpers/element.js';
import type { SessionSelectEvent } from '../../../src/events.js';
import type { RenseiSessionList } from '../../../src/index.js';

function focusedRowId(el: RenseiSessionList): string | undefined {
  return (shadow(el).activeElement as HTMLElement | null)?.dataset.sessionId;
}

function center(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

describe('<rensei-session-list> keyboard and selection', () => {
  let fake: FakeFetch;
  const rows = sessions(30);
  const ids = rows.map((row) => row.id);
  afterEach(() => fake.restore());

  async function grid() {
    fake = installFakeFetch(() => page(rows));
    return mount({ style: 'height: 400px' });
  }

  it('has one Tab stop for the list (a roving tabindex)', async () => {
    const el = await grid();
    const tabbable = parts(el, 'row').filter((row) => row.tabIndex === 0);
    expect(tabbable).to.have.length(1);
    part(el, 'search')!.focus();
    await sendKeys({ press: 'Tab' }); // to the health filter
    await sendKeys({ press: 'Tab' }); // to the time range
    await sendKeys({ press: 'Tab' }); // to the export button
    await sendKeys({ press: 'Tab' }); // into the grid (the header's sort buttons are no Tab stops)
    expect(focusedRowId(el)).to.equal(ids[0]);
    await sendKeys({ press: 'Tab' });
    expect(focusedRowId(el)).to.equal(undefined);
  });

  it('moves between rows with Up/Down/Home/End/PageUp/PageDown', async () => {
    const el = await grid();
    parts(el, 'row')[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRowId(el)).to.equal(ids[2]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRowId(el)).to.equal(ids[1]);
    await sendKeys({ press: 'End' });
    expect(focusedRowId(el)).to.equal(ids[29]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRowId(el)).to.equal(ids[29]);
    await sendKeys({ press: 'Home' });
    expect(focusedRowId(el)).to.equal(ids[0]);
    await sendKeys({ press: 'PageDown' });
    const paged = ids.indexOf(focusedRowId(el)!);
    expect(paged).to.be.greaterThan(3);
    await sendKeys({ press: 'PageUp' });
    expect(focusedRowId(el)).to.equal(ids[0]);
    // The roving tab stop follows focus.
    await sendKeys({ press: 'ArrowDown' });
    expect(
      parts(el, 'row')
        .filter((row) => row.tabIndex === 0)
        .map((row) => row.dataset.sessionId),
    ).to.deep.equal([ids[1]]);
  });

  it('moves onto rows whose ids no CSS selector can name (a NUL, quotes, a backslash)', async () => {
    const odd = ['plain', '\u0000', 'a"b', 'c\\d', ']x['];
    fake = installFakeFetch(() => page(sessions(odd.length, (index) => ({ id: odd[index] }))));
    const el = await mount({ style: 'height: 400px' });
    parts(el, 'row')[0]!.focus();
    for (const id of odd.slice(1)) {
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedRowId(el)).to.equal(id);
    }
  });

  for (const key of ['Enter', ' ']) {
    it(`activates the focused row with ${key === ' ' ? 'Space' : key}`, async () => {
      const el = await grid();
      parts(el, 'row')[3]!.focus();
      const event = oneEvent(el, 'session-select') as Promise<SessionSelectEvent>;
      await sendKeys({ press: key === ' ' ? 'Space' : key });
      const { detail, bubbles, composed, cancelable } = await event;
      expect(detail.session.id).to.equal(ids[3]);
      expect({ bubbles, composed, cancelable }).to.deep.equal({ bubbles: true, composed: true, cancelable: true });
      await el.updateComplete;
      expect(el.selected).to.equal(ids[3]);
      expect(el.getAttribute('selected')).to.equal(ids[3]);
      expect(parts(el, 'row')[3]!.getAttribute('aria-selected')).to.equal('true');
    });
  }

  it('activates a row on a plain primary click anywhere, the health dot included', async () => {
    const el = await grid();
    const selected: string[] = [];
    el.addEventListener('session-select', (event) => selected.push(event.detail.session.id));
    await sendMouse({ type: 'click', position: center(parts(el, 'health-dot')[1]!) });
    await sendMouse({ type: 'click', position: center(parts(el, 'identifier')[2]!) });
    expect(selected).to.deep.equal([ids[1], ids[2]]);
  });

  it('does not activate on a middle or modified click', async () => {
    const el = await grid();
    const selected: string[] = [];
    el.addEventListener('session-select', (event) => selected.push(event.detail.session.id));
    await sendMouse({ type: 'click', position: center(parts(el, 'row')[1]!), button: 'middle' });
    const row = parts(el, 'row')[1]!;
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ctrlKey: true }));
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, metaKey: true }));
    expect(selected).to.deep.equal([]);
  });

  it('cancelling session-select keeps the row from being marked selected', async () => {
    const el = await grid();
    el.addEventListener('session-select', (event) => event.preventDefault());
    parts(el, 'row')[2]!.click();
    await el.updateComplete;
    expect(el.selected).to.equal('');
    expect(parts(el, 'row').some((row) => row.getAttribute('aria-selected') === 'true')).to.equal(false);
  });

  it('marks the row the host selects', async () => {
    const el = await grid();
    el.setAttribute('selected', ids[5]!);
    await el.updateComplete;
    expect(
      parts(el, 'row')
        .filter((row) => row.getAttribute('aria-selected') === 'true')
        .map((r) => r.dataset.sessionId),
    ).to.deep.equal([ids[5]]);
  });

  it('keeps focus on the same session when a filter changes', async () => {
    const el = await grid();
    parts(el, 'row')[4]!.focus();
    el.search = rows[4]!.issueIdentifier as string;
    await el.updateComplete;
    expect(
      parts(el, 'row')
        .filter((row) => row.tabIndex === 0)
        .map((row) => row.dataset.sessionId),
    ).to.deep.equal([ids[4]]);
  });
});
