/**
 * How every tool here launches the system Chromium (the tests, the screenshots, the consumer
 * test, the benchmark): one place for its path and its flags.
 */

/** `CHROME_PATH` if set, else Debian's package (`apt-get install chromium`). */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless runs without background traffic; as root, Chromium refuses to start with its sandbox on. */
export const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
