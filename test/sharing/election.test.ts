/**
 * TabElection on its own: several elections in one page contend for a Web Lock as tabs would.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { TabElection } from '../../src/controllers/tab-election.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TabElection', () => {
  let elections: TabElection[] = [];
  afterEach(() => {
    for (const election of elections) election.resign();
    elections = [];
  });

  function elect(name: string, log: string[], who: string): TabElection {
    const election = new TabElection(name, (leading) => log.push(`${who} ${leading ? 'leads' : 'stops'}`));
    elections.push(election);
    return election;
  }

  it('of followers that find a silent leader at the same moment, exactly one steals the lock', async () => {
    const name = `election-test-${Math.random()}`;
    const log: string[] = [];
    const frozen = elect(name, log, 'a');
    frozen.stand();
    await waitUntil(() => frozen.leading, 'the first leads');
    const followers = [elect(name, log, 'b'), elect(name, log, 'c'), elect(name, log, 'd')];
    for (const follower of followers) follower.stand();
    await waitUntil(() => followers.every((follower) => follower.waiting), 'the others wait');
    log.length = 0;
    // Their watchdogs fire together: each asks to take over from the silent leader.
    await Promise.all(followers.map((follower) => follower.takeOver(() => true, 200)));
    await sleep(100);
    // One steal, one new leader, and no one robbed of the lead it just took.
    expect(log.filter((entry) => entry.endsWith('leads'))).to.have.length(1);
    expect(followers.filter((follower) => follower.leading)).to.have.length(1);
    expect(log).to.include('a stops');
  });
});
