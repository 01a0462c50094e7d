import type { Role } from '../shared/roles';
import { html, type Raw } from './html';
import { navigationOf } from './navigation';

/**
 * The page shell: landmarks, skip link, identity bar, a live region for announcements. The navigation
 * is filled by the page's script once it knows who is signed in (by the server when it knows already):
 * each role sees only its own pages.
 */
export function page(opts: {
  title: string;
  script?: string;
  body: Raw;
  current?: string;
  role?: Role;
  /** The program's time zone: every time on the page is said in it (src/contract/plain-language/). */
  timeZone?: string;
}): string {
  // Known already (a refusal names who is signed in): the navigation is there before any script runs.
  const nav = opts.role
    ? navigationOf(opts.role).map(
        (n) => html`<a href="${n.href}" ${opts.current === n.href ? html`aria-current="page"` : ''}>${n.label}</a>`,
      )
    : '';
  return `<!doctype html>${
    html`<html lang="en" ${opts.timeZone ? html`data-time-zone="${opts.timeZone}"` : ''}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} · LEAD</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">LEAD</span>
          <nav aria-label="Main" id="main-nav" ${opts.current ? html` data-current="${opts.current}"` : ''}>${nav}</nav>
          <div id="identity" class="identity"></div>
        </header>
        <main id="main" tabindex="-1">
          <h1>${opts.title}</h1>
          <div id="announce" class="announce" role="status" aria-live="polite"></div>
          ${opts.body}
        </main>
        ${opts.script ? html`<script type="module" src="/assets/${opts.script}.js"></script>` : ''}
      </body>
    </html>`.value
  }`;
}
