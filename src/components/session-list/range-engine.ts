/**
 * The range chunk (`rensei-session-list.range-engine.js`), fetched by triage.ts once `since` is
 * set: what a `since` value means (range.ts), and the feed's own paging until the range is covered
 * (range-coverage.ts). A page that never sets a range never fetches it.
 */
export { cutOf, isRelative } from '../../model/range.js';
export { RangeCoverage } from '../../controllers/range-coverage.js';
