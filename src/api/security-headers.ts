import helmet, { contentSecurityPolicy } from 'helmet';

/** The product's Content-Security-Policy beyond helmet's defaults: scripts and connections from its own origin only. */
const DIRECTIVES = { 'script-src': ["'self'"], 'connect-src': ["'self'"] };

/** The product's security headers (helmet), for its pages, its API and what it serves of the Temporal Web UI. */
export const securityHeaders = (secureCookies: boolean) =>
  helmet({ contentSecurityPolicy: { directives: DIRECTIVES }, strictTransportSecurity: secureCookies });

/**
 * The product's Content-Security-Policy, also admitting the inline scripts of one page by their
 * SHA-256 (`'sha256-…'`, base64): nothing else inline runs.
 */
export const contentSecurityPolicyWith = (scriptHashes: string[]) =>
  contentSecurityPolicy({
    directives: { ...DIRECTIVES, 'script-src': ["'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)] },
  });
