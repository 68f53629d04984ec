import { createVanilla } from './vanilla.js';

/** The baseline: a hand-written windowed table in a shadow root (see vanilla.ts). */
export default () => createVanilla(true);
