import { Router } from 'express';
import type { LeadConfig } from '../config/config-schema';
import { loadClientAssets } from './assets';
import { arrestForm, socialForm } from './forms';
import { html } from './html';
import { page } from './layout';

/**
 * The pages people use, served by the product itself: each is an accessible HTML shell whose script
 * (bundled from `src/web/client`) talks to the same API everyone else uses.
 */
export function pageRoutes(config: LeadConfig): Router {
  const router = Router();
  // Loaded when the service starts, not on a first (unauthenticated) request.
  const assets = loadClientAssets();
  assets.catch(() => undefined); // awaited by every request below, which reports the failure

  router.get('/assets/:file', async (req, res) => {
    const body = (await assets).get(req.params.file);
    if (!body) {
      res.status(404).type('text').send('Not found');
      return;
    }
    res
      .type(req.params.file.endsWith('.css') ? 'css' : 'js')
      .set('Cache-Control', 'no-cache')
      .send(body);
  });

  const send =
    (title: string, script: string, body: ReturnType<typeof html>, current?: string) =>
    (_req: unknown, res: { type(t: string): { send(b: string): void } }) => {
      res.type('html').send(page({ title, script, body, current, timeZone: config.program.timezone }));
    };

  router.get('/', send('LEAD referrals', 'home', html`<p>Opening your page…</p>`));

  router.get(
    '/sign-in',
    send(
      'Sign in',
      'sign-in',
      html`<form id="sign-in-form">
        <p id="sign-in-error" class="panel bad" role="alert" tabindex="-1" hidden></p>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required aria-required="true" />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-required="true"
        />
        <p><button type="submit">Sign in</button></p>
      </form>`,
    ),
  );

  router.get(
    '/refer',
    send(
      'Refer a person',
      'refer',
      html`<fieldset>
          <legend>Kind of referral</legend>
          <label class="inline"
            ><input type="radio" name="referral-type" value="ARREST_DIVERSION" checked /> Arrest diversion</label
          >
          <label class="inline"
            ><input type="radio" name="referral-type" value="SOCIAL_CONTACT" /> Social contact (no arrest)</label
          >
        </fieldset>
        <section id="result" tabindex="-1" aria-live="polite" hidden></section>
        <section id="outbox" aria-labelledby="outbox-title" hidden></section>
        ${arrestForm(config)} ${socialForm(config)}`,
      '/refer',
    ),
  );

  router.get(
    '/caseload',
    send('My caseload', 'caseload', html`<div id="caseload"><p class="hint">Loading…</p></div>`, '/caseload'),
  );
  router.get(
    '/sergeant',
    send('Sergeant queue', 'sergeant', html`<div id="queue"><p class="hint">Loading…</p></div>`, '/sergeant'),
  );
  router.get(
    '/prosecutor',
    send('Prosecutor inbox', 'prosecutor', html`<div id="inbox"><p class="hint">Loading…</p></div>`, '/prosecutor'),
  );
  router.get('/nci', send('DOC NCI referrals', 'nci', html`<div id="nci"><p class="hint">Loading…</p></div>`, '/nci'));
  router.get(
    '/reports',
    send('Monthly report', 'reports', html`<div id="report"><p class="hint">Loading…</p></div>`, '/reports'),
  );
  router.get(
    '/evaluation',
    send('Evaluation', 'evaluation', html`<div id="evaluation"><p class="hint">Loading…</p></div>`, '/evaluation'),
  );
  router.get(
    '/supervisor',
    send('Stuck cases', 'supervisor', html`<div id="stuck"><p class="hint">Loading…</p></div>`, '/supervisor'),
  );
  router.get('/cases/:caseId', send('Case', 'case', html`<div id="case"><p class="hint">Loading…</p></div>`));
  router.get(
    '/cases/:caseId/packet',
    send('Diversion packet', 'packet', html`<div id="packet"><p class="hint">Loading…</p></div>`),
  );
  router.get(
    '/cases/:caseId/disclosures',
    send('Accounting of disclosures', 'disclosures', html`<div id="disclosures"><p class="hint">Loading…</p></div>`),
  );
  return router;
}
