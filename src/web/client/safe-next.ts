/**
 * Where to go after signing in: a path of this service only. Anything that would leave it — another
 * origin, a protocol-relative `//host`, a backslash the browser reads as a slash (`/\host`) — is
 * refused, and the person goes to their own start page instead.
 */
export function safeNext(next: string | null, origin: string): string | undefined {
  if (!next || !next.startsWith('/') || /^\/[\\/]/.test(next) || /[\u0000-\u001f\\]/.test(next)) return undefined;
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}
