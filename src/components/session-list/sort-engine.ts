/**
 * The sort chunk (`rensei-session-list.sort-engine.js`), fetched by triage.ts once `sort` names a
 * key: the order (sort-order.ts), the sorted view a refresh moves rather than re-sorts
 * (sorted-rows.ts), and the focused row held in place when the order moves under it. A page that
 * never sorts never fetches it.
 */
export { SortedRows } from '../../model/sorted-rows.js';
export { PlaceHolder } from './place-holder.js';
