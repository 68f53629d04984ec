import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { ChunkLoader } from '../../../src/components/session-list/chunk-loader.js';

/** A host that counts the updates it is asked for. */
function host(): ReactiveControllerHost & { updates: number } {
  const counted = {
    updates: 0,
    requestUpdate() {
      counted.updates++;
    },
  };
  return counted as unknown as ReactiveControllerHost & { updates: number };
}

describe('ChunkLoader', () => {
  it('is arriving while it loads, then loaded, and asks the host to update', async () => {
    const h = host();
    const loader = new ChunkLoader(h, () => Promise.resolve('chunk'));
    expect(loader.arriving).to.equal(undefined);
    void loader.load();
    expect(loader.arriving).to.be.instanceOf(Promise);
    await loader.arriving;
    expect(loader.loaded).to.equal('chunk');
    expect(loader.arriving).to.equal(undefined);
    expect(h.updates).to.equal(1);
  });

  it('a chunk that fails to load is arriving no more, so a host waiting for it goes on', async () => {
    const loader = new ChunkLoader(host(), () => Promise.reject(new Error('404')));
    await loader.load().catch(() => {});
    expect(loader.loaded).to.equal(undefined);
    expect(loader.arriving).to.equal(undefined);
  });
});
