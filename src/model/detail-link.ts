/**
 * The detail link of a session from the host's `detail-url` template (`…/sessions/{id}`). The id
 * is URL-encoded, and only http(s) links are made: a template can't become a `javascript:` URL.
 */
export function detailHref(template: string, id: string, baseUrl: string): string | null {
  if (!template) return null;
  try {
    const url = new URL(template.replaceAll('{id}', encodeURIComponent(id)), baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
