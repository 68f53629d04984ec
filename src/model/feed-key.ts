/**
 * Which widgets may share one feed: the same api-base, project and credential, and with an empty
 * project (the server scopes by Referer) the same page URL without its hash. Pure but for the hash.
 */

export interface FeedIdentity {
  apiBase: string;
  project: string;
  token: string;
}

/** The identity as text. It holds the token: it never leaves this page (see `feedName`). */
export function feedKeyText({ apiBase, project, token }: FeedIdentity, pageUrl: string): string {
  let base = apiBase;
  try {
    base = new URL(apiBase || '/', pageUrl).href;
  } catch {
    // An unusable api-base fails its requests the same way for every widget that has it.
  }
  const slug = project.trim();
  const scope = slug ? `project ${slug}` : `referer ${pageUrl.replace(/#.*$/s, '')}`;
  return `${base}\n${scope}\n${token ? `key ${token}` : 'cookie'}`;
}

/**
 * A name for the lock and the channel: SHA-256 of the identity (so of the token), in hex. Null
 * where `crypto.subtle` is missing (an insecure context): such a page does not share across tabs.
 */
export async function feedName(keyText: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(keyText));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
