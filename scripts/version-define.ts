/**
 * `RenseiSessionList.version` is written in from package.json wherever the source is compiled: the
 * library build, the demo's dev server and the browser tests all take this one define.
 */
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const versionDefine = { __RENSEI_VERSION__: JSON.stringify(version) };
