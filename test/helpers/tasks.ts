/**
 * Waiting without timers, so it works under sinon's fake timers too: a macrotask through a
 * MessageChannel runs after every queued microtask (promise reactions, Lit's update scheduling).
 */
import type { ReactiveElement } from 'lit';

export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Until the element has no update pending, after everything already queued has run. */
export async function settleElement(el: ReactiveElement, rounds = 6): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await nextTask();
    if (await el.updateComplete) return;
  }
}
