let t = 0;
beforeEach(() => { t = performance.now(); });
afterEach(function () { console.log(`TIMING ${Math.round(performance.now() - t)}ms ${this.currentTest?.title}`); });
