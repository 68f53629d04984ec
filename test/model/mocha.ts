// tsconfig.json loads no test-runner types (`types: []`), so the globals that web-test-runner's
// mocha defines are typed here for the api and model tests (the same approach as test/mock/mocha.ts).

type Test = () => void | Promise<void>;

interface It {
  (title: string, test: Test): void;
  skip(title: string, test: Test): void;
}

interface MochaGlobals {
  describe(title: string, suite: () => void): void;
  it: It;
  beforeEach(hook: Test): void;
}

export const { describe, it, beforeEach } = globalThis as unknown as MochaGlobals;
