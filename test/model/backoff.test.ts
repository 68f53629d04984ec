import { expect } from '@open-wc/testing';
import { backoffDelay, jitter } from '../../src/model/backoff.js';
import { MAX_DELAY_MS } from '../../src/model/delay.js';

const top = () => 1; // no spread: 0.6 + 0.4 · 1 = 1

describe('backoff: backoffDelay', () => {
  it('waits the base delay before the first retry', () => {
    expect(backoffDelay(1, 1000, 60_000, top)).to.equal(1000);
  });

  it('doubles with each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1000, 60_000, top))).to.deep.equal([
      1000, 2000, 4000, 8000, 16000,
    ]);
    expect(backoffDelay(3, 250, 60_000, top)).to.equal(1000);
  });

  it('is capped', () => {
    expect(backoffDelay(7, 1000, 30_000, top)).to.equal(30_000);
    expect(backoffDelay(50, 1000, 30_000, top)).to.equal(30_000);
    expect(backoffDelay(5000, 1000, 30_000, top)).to.equal(30_000);
  });

  it('treats 0 or negative failures like the first retry', () => {
    expect(backoffDelay(0, 1000, 60_000, top)).to.equal(1000);
    expect(backoffDelay(-3, 1000, 60_000, top)).to.equal(1000);
  });

  it('spreads over 60–100 % of the delay, never past the cap', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).to.equal(600);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).to.equal(3200);
    expect(backoffDelay(20, 1000, 30_000, () => 0)).to.equal(18_000);
    expect(backoffDelay(20, 1000, 30_000, () => 0.999999)).to.be.at.most(30_000);
  });

  it('stays within its spread with the real Math.random', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const delay = backoffDelay(2, 1000, 60_000);
      expect(delay).to.be.within(1200, 2000);
      seen.add(delay);
    }
    expect(seen.size).to.be.greaterThan(10);
  });
});

describe('backoff: jitter', () => {
  it('spreads a delay over ±20 % and rounds to whole ms', () => {
    expect(jitter(1000, () => 0)).to.equal(800);
    expect(jitter(1000, () => 0.5)).to.equal(1000);
    expect(jitter(1000, () => 1)).to.equal(1200);
    expect(jitter(333, () => 0.5)).to.equal(333);
    expect(Number.isInteger(jitter(1001, () => 0.123))).to.equal(true);
  });
});

describe('backoff: never past what setTimeout can wait', () => {
  it('caps a backoff whose cap is huge or infinite at 2^31−1 ms', () => {
    expect(backoffDelay(40, 1000, Infinity, top)).to.equal(MAX_DELAY_MS);
    expect(backoffDelay(3, 1e12, 1e15, top)).to.equal(MAX_DELAY_MS);
  });

  it('never gives NaN or a negative delay', () => {
    expect(backoffDelay(1, NaN, 60_000, top)).to.equal(MAX_DELAY_MS);
    expect(backoffDelay(1, -1000, 60_000, top)).to.equal(0);
  });

  it('caps a jittered huge delay, and never gives NaN or a negative one', () => {
    expect(jitter(2_200_000_000, () => 0.5)).to.equal(MAX_DELAY_MS);
    expect(jitter(Infinity, () => 0)).to.equal(MAX_DELAY_MS);
    expect(jitter(NaN)).to.equal(MAX_DELAY_MS);
    expect(jitter(-500, () => 0.5)).to.equal(0);
  });
});
