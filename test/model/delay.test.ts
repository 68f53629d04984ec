import { expect } from '@open-wc/testing';
import {
  clampDelay,
  DEFAULT_TIMEOUT_MS,
  isBelowRefreshFloor,
  MAX_DELAY_MS,
  MIN_REFRESH_INTERVAL_S,
  MIN_TIMEOUT_S,
  refreshIntervalMs,
  RETRY_AFTER_CAP_MS,
  timeoutMs,
} from '../../src/model/delay.js';

describe('delay: the limits', () => {
  it('never passes what setTimeout can wait (2^31−1 ms), and caps Retry-After at an hour', () => {
    expect(MAX_DELAY_MS).to.be.at.most(2 ** 31 - 1);
    expect(RETRY_AFTER_CAP_MS).to.equal(3_600_000);
    expect(MIN_REFRESH_INTERVAL_S).to.equal(1);
    expect(MIN_TIMEOUT_S).to.equal(1);
    expect(DEFAULT_TIMEOUT_MS).to.equal(30_000);
  });
});

describe('delay: clampDelay', () => {
  it('keeps an ordinary delay, rounded to whole ms', () => {
    expect(clampDelay(0)).to.equal(0);
    expect(clampDelay(1_500)).to.equal(1_500);
    expect(clampDelay(1_500.6)).to.equal(1_501);
  });

  it('never returns more than setTimeout can wait: a longer one would wrap to about 0', () => {
    for (const ms of [2 ** 31, 2 ** 32 + 5, 2_200_000_000, 1e300, Number.MAX_VALUE, Infinity]) {
      expect(clampDelay(ms), String(ms)).to.equal(MAX_DELAY_MS);
    }
    expect(clampDelay(MAX_DELAY_MS + 0.4)).to.equal(MAX_DELAY_MS);
  });

  it('turns a negative delay into 0', () => {
    expect(clampDelay(-1)).to.equal(0);
    expect(clampDelay(-0)).to.equal(0);
    expect(clampDelay(-Infinity)).to.equal(0);
  });

  it('never lets NaN through (setTimeout reads it as 0): as late as possible, or the fallback', () => {
    expect(clampDelay(NaN)).to.equal(MAX_DELAY_MS);
    expect(clampDelay(NaN, 2_000)).to.equal(2_000);
    expect(clampDelay(NaN, NaN)).to.equal(MAX_DELAY_MS);
    expect(clampDelay(NaN, 1e300)).to.equal(MAX_DELAY_MS);
    expect(clampDelay(NaN, -5)).to.equal(0);
  });

  it('is what a real setTimeout waits: 2^31 ms does not fire at once', async () => {
    let fired = false;
    const timer = setTimeout(() => (fired = true), clampDelay(2 ** 31 + 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearTimeout(timer);
    expect(fired).to.equal(false);
  });
});

describe('delay: refreshIntervalMs', () => {
  it('turns seconds into ms', () => {
    expect(refreshIntervalMs(15)).to.equal(15_000);
    expect(refreshIntervalMs(2.5)).to.equal(2_500);
    expect(refreshIntervalMs('30')).to.equal(30_000);
  });

  it('is 0 (live refresh off) for 0, and for what is not a positive finite number', () => {
    for (const seconds of [0, -0, -5, NaN, Infinity, -Infinity, '', 'abc', null, undefined, {}]) {
      expect(refreshIntervalMs(seconds), String(seconds)).to.equal(0);
    }
  });

  it('raises an interval under a second to a second, and says it did', () => {
    for (const seconds of [0.05, 0.5, 0.999, Number.MIN_VALUE]) {
      expect(refreshIntervalMs(seconds), String(seconds)).to.equal(1_000);
      expect(isBelowRefreshFloor(seconds), String(seconds)).to.equal(true);
    }
    for (const seconds of [0, 1, 15, -1, NaN, 'x']) {
      expect(isBelowRefreshFloor(seconds), String(seconds)).to.equal(false);
    }
  });

  it('caps a huge interval at what setTimeout can wait', () => {
    expect(refreshIntervalMs(2_200_000)).to.equal(MAX_DELAY_MS);
    expect(refreshIntervalMs(1e300)).to.equal(MAX_DELAY_MS);
  });
});

describe('delay: timeoutMs', () => {
  it('turns seconds into ms', () => {
    expect(timeoutMs(10)).to.equal(10_000);
    expect(timeoutMs('45')).to.equal(45_000);
  });

  it('is the 30 s default for 0, empty, negative, NaN or not a number', () => {
    for (const seconds of [0, '', ' ', -3, NaN, -Infinity, 'soon', null, undefined]) {
      expect(timeoutMs(seconds), String(seconds)).to.equal(DEFAULT_TIMEOUT_MS);
    }
  });

  it('raises a timeout under a second to a second', () => {
    expect(timeoutMs(0.001)).to.equal(1_000);
    expect(timeoutMs(0.5)).to.equal(1_000);
  });

  it('caps a huge (or infinite) timeout at what setTimeout can wait', () => {
    expect(timeoutMs(3_000_000)).to.equal(MAX_DELAY_MS);
    expect(timeoutMs(Infinity)).to.equal(MAX_DELAY_MS);
  });
});
