import { Router } from 'express';
import type { LeadConfig } from '../config/config-schema';
import { ROLES } from '../shared/roles';
import { buildClientAssets } from './assets';
import { arrestForm, socialForm } from './forms';
import { html } from './html';
import { page } from './layout';

/**
 * The pages people use, served by the product itself: each is an accessible HTML shell whose script
 * (bundled from `src/web/client`) talks to the same API everyone else uses.
 */
export function pageRoutes(config: LeadConfig): Router {
  const router = Router();
  let assets: ReturnType<typeof buildClientAssets> | undefined;

  router.get('/assets/:file', async (req, res) => {
    assets ??= buildClientAssets();
    const body = (await assets).get(req.params.file);
    if (!body) {
      res.status(404).type('text').send('Not found');
      return;
    }
    res.type(req.params.file.endsWith('.css') ? 'css' : 'js').set('Cache-Control', 'no-cache').send(body);
  });

  const send = (title: string, script: string, body: ReturnType<typeof html>, current?: string) => (_req: unknown, res: { type(t: string): { send(b: string): void } }) => {
    res.type('html').send(page({ title, script, body, current }));
  };

  router.get('/', send('Who are you?', 'home', html`<p>Until sign-in is available, say who you are on this device; every page and action is recorded under it.</p>
<form id="identity-form">
<label for="role">Your role</label>
<select id="role" name="role">${ROLES.map((r) => html`<option value="${r}">${r.replace('_', ' ')}</option>`)}</select>
<label for="user">Your badge, staff or user id</label>
<input id="user" name="user" autocomplete="username" required aria-required="true">
<div id="office-field"><label for="office">Your office</label>
<select id="office" name="office">${Object.entries(config.offices).map(([code, o]) => html`<option value="${code}">${o.name}</option>`)}</select></div>
<p><button type="submit">Continue</button></p>
</form>`));

  router.get('/refer', send('Refer a person', 'refer', html`<fieldset><legend>Kind of referral</legend>
<label class="inline"><input type="radio" name="referral-type" value="ARREST_DIVERSION" checked> Arrest diversion</label>
<label class="inline"><input type="radio" name="referral-type" value="SOCIAL_CONTACT"> Social contact (no arrest)</label>
</fieldset>
<section id="result" tabindex="-1" aria-live="polite" hidden></section>
${arrestForm(config)}
${socialForm(config)}`, '/refer'));

  router.get('/caseload', send('My caseload', 'caseload', html`<div id="caseload"><p class="hint">Loading…</p></div>`, '/caseload'));
  router.get('/sergeant', send('Sergeant queue', 'sergeant', html`<div id="queue"><p class="hint">Loading…</p></div>`, '/sergeant'));
  router.get('/prosecutor', send('Prosecutor inbox', 'prosecutor', html`<div id="inbox"><p class="hint">Loading…</p></div>`, '/prosecutor'));
  router.get('/supervisor', send('Stuck cases', 'supervisor', html`<div id="stuck"><p class="hint">Loading…</p></div>`, '/supervisor'));
  router.get('/cases/:caseId', send('Case', 'case', html`<div id="case"><p class="hint">Loading…</p></div>`));
  return router;
}
