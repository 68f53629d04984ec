// A web-test-runner command for the soak test: the page's JavaScript heap and DOM counters, read
// over the Chrome DevTools Protocol after forcing garbage collection, so a leak shows as growth
// that GC cannot take back (performance.memory is coarse and not collected on demand).
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const { usedSize, nodes, listeners } = await executeServerCommand('heap-usage', { gc: true });

export function heapPlugin() {
  return {
    name: 'rensei-heap-usage',
    async executeCommand({ command, payload, session }) {
      if (command !== 'heap-usage') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`heap-usage needs Chrome (CDP), not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        if (payload?.gc) {
          // Twice: the first pass can leave garbage that only becomes collectable after it (weak maps, finalizers).
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
        }
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
        return {
          usedSize,
          totalSize,
          nodes: metric('Nodes'),
          listeners: metric('JSEventListeners'),
          documents: metric('Documents'),
          layoutObjects: metric('LayoutObjects'),
        };
      } finally {
        await cdp.detach();
      }
    },
  };
}
