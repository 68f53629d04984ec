/**
 * The detail link of a session from the host's `detail-url` template (`…/sessions/{id}`). The id
 * is URL-encoded, and only http(s) links are made: a template can't become a `javascript:` URL.
 */

/**
 * True for an id that is a dot segment (`.`, `..`), as sent or once decoded (`%2e%2E`, `.%2E`):
 * `encodeURIComponent` leaves dots alone, and URL parsers read `%2e` as a dot, so in a path such
 * an id would climb out of it (`…/sessions/..` is the project's page). Such an id gets no link,
 * and must never be put in a path.
 */
export function isDotSegment(id: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(id);
}

export function detailHref(template: string, id: string, baseUrl: string): string | null {
  if (!template || isDotSegment(id)) return null;
  try {
    const url = new URL(template.replaceAll('{id}', encodeURIComponent(id)), baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
