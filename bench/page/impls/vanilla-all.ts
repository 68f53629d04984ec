import { createVanilla } from './vanilla.js';

/** A hand-written table that renders every row (see vanilla.ts). */
export default () => createVanilla(false);
