import { expect } from '@open-wc/testing';
import type { Session } from '../../src/api/schema.js';
import { CSV_HEADER, csvCell, toCsv } from '../../src/model/csv.js';
import { csvFileName } from '../../src/model/csv-file.js';
import { toSessionRow } from '../../src/model/session-row.js';

const NOW = Date.parse('2026-06-02T15:00:00Z');
const row = (fields: Partial<Session> & { id: string }, fetchedAt = NOW - 60_000) =>
  toSessionRow({ status: 'completed', ...fields }, { fetchedAt });

describe('csv', () => {
  it("writes the contract's header line, CRLF line ends, and one line per row", () => {
    const csv = toCsv([row({ id: 'a' }), row({ id: 'b' })], NOW);
    expect(csv.split('\r\n')).to.deep.equal([
      CSV_HEADER,
      'a,,completed,unknown,,,,,,,',
      'b,,completed,unknown,,,,,,,',
      '',
    ]);
    expect(CSV_HEADER).to.equal(
      'id,identifier,status,health,signals,work_type,provider,started_at,completed_at,duration_seconds,cost_usd',
    );
  });

  it('writes every field: health word, signals in order, ISO UTC times, whole seconds, the cost as sent', () => {
    const csv = toCsv(
      [
        row({
          id: 'a1',
          issueIdentifier: 'ENG-124',
          status: 'completed',
          workType: 'development',
          provider: 'e2b',
          startedAt: '2026-06-02T16:22:00+02:00',
          completedAt: '2026-06-02T14:25:30.900Z',
          costUsd: '0.140',
          health: {
            healthStatus: 'green',
            stuckSignals: ['StaleHeartbeat', { type: 'ToolLoopStuck' }, 'StaleHeartbeat'],
          },
        }),
        // Working: its duration as of now (started 10 min 0.5 s before now)
        row({
          id: 'w',
          status: 'working',
          startedAt: new Date(NOW - 600_500).toISOString(),
          completedAt: null,
          costUsd: -1,
        }),
      ],
      NOW,
    );
    const [, first, second] = csv.split('\r\n');
    expect(first).to.equal(
      'a1,ENG-124,completed,red,StaleHeartbeat;ToolLoopStuck;StaleHeartbeat,development,e2b,2026-06-02T14:22:00.000Z,2026-06-02T14:25:30.900Z,210,0.140',
    );
    expect(second).to.equal(`w,,working,unknown,,,,${new Date(NOW - 600_500).toISOString()},,600,`);
  });

  it('quotes by RFC 4180: a comma, a quote, a line break; other text, non-Latin included, as is', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('cr\rlf')).to.equal('"cr\rlf"');
    expect(csvCell('工程-12')).to.equal('工程-12');
    const csv = toCsv([row({ id: 'x', issueIdentifier: 'Ärger, "quoted"\r\nnext' })], NOW);
    expect(csv).to.include('\r\nx,"Ärger, ""quoted""\r\nnext",completed,unknown,,,,,,,\r\n');
  });

  it('guards cells a spreadsheet would run as a formula with a leading quote', () => {
    for (const lead of ['=', '+', '-', '@', '\t'])
      expect(csvCell(`${lead}1+1`), JSON.stringify(lead)).to.equal(`'${lead}1+1`);
    // A line break is quoted too (RFC 4180), with the guard inside the quotes.
    for (const lead of ['\r', '\n']) expect(csvCell(`${lead}1+1`), JSON.stringify(lead)).to.equal(`"'${lead}1+1"`);
    expect(csvCell('=SUM(A1:A2)')).to.equal("'=SUM(A1:A2)");
    expect(csvCell('=HYPERLINK("x","y")')).to.equal('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell('\n=1')).to.equal('"\'\n=1"');
    expect(csvCell('ENG-1')).to.equal('ENG-1');
  });

  it('names the download after the project (or "all") and the date', () => {
    expect(csvFileName('web', NOW)).to.equal('rensei-sessions-web-2026-06-02.csv');
    expect(csvFileName('', NOW)).to.equal('rensei-sessions-all-2026-06-02.csv');
  });
});
