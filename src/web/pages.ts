import { Router, type Request, type Response } from 'express';
import { SESSION_COOKIE } from '../auth/session-cookie';
import type { TokenService } from '../auth/tokens';
import type { LeadConfig } from '../config/config-schema';
import { allows, type Permission } from '../contract/permissions';
import type { Role } from '../shared/roles';
import { loadClientAssets } from './assets';
import { forbiddenPage } from './forbidden';
import { arrestForm, socialForm } from './forms';
import { html } from './html';
import { page } from './layout';
import { searchForm } from './search-form';

/**
 * The pages people use, served by the product itself: each is an accessible HTML shell whose script
 * (bundled from `src/web/client`) talks to the same API everyone else uses. Given the token service,
 * a page is refused at once (403, in the layout) to a signed-in person whose role may not open it.
 */
/**
 * `configOf`: the configuration of the program a signed-in person works in (issue 26: the one they chose
 * in the program switch, else their first), given the programs their session names and the request;
 * without it, or before sign-in, `config`.
 */
export function pageRoutes(
  config: LeadConfig,
  tokens?: TokenService,
  configOf: (programs: string[] | undefined, req: Request) => Promise<LeadConfig> = () => Promise.resolve(config),
): Router {
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

  /** Who is signed in, when the request carries a session the API would take. */
  const signedIn = async (req: Request): Promise<{ role: Role; programs?: string[] } | undefined> => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token || !tokens) return undefined;
    // A session the API would refuse is the page script's to handle (it sends the person to sign in).
    return tokens.verify(token).catch(() => undefined);
  };
  /**
   * A page's shell. A page someone signed in may not open is refused here already — 403, in the
   * product's layout, saying whose page it is and the way back — before its script would ask the API.
   */
  const send =
    (
      title: string,
      script: string,
      body: ReturnType<typeof html> | ((config: LeadConfig) => ReturnType<typeof html>),
      opts: { current?: string; permission?: Permission; container?: string } = {},
    ) =>
    async (req: Request, res: Response) => {
      const who = await signedIn(req);
      const role = opts.permission ? who?.role : undefined;
      if (role && opts.permission && !allows(role, opts.permission)) {
        res
          .status(403)
          .type('html')
          .send(forbiddenPage({ title, role, permission: opts.permission, container: opts.container }));
        return;
      }
      const served = await configOf(who?.programs, req);
      const content = typeof body === 'function' ? body(served) : body;
      res
        .type('html')
        .send(page({ title, script, body: content, current: opts.current, timeZone: served.program.timezone }));
    };
  /** The pages whose script fills one container, each for the roles of one permission. */
  const shell = (
    path: string,
    title: string,
    script: string,
    container: string,
    permission: Permission,
    current?: string,
  ) =>
    router.get(
      path,
      send(title, script, html`<div id="${container}"><p class="hint">Loading…</p></div>`, {
        current,
        permission,
        container,
      }),
    );

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
      (config) =>
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
      { current: '/refer', permission: 'referral.create', container: 'refer' },
    ),
  );

  shell('/caseload', 'My caseload', 'caseload', 'caseload', 'caseload.read', '/caseload');
  shell('/sergeant', 'Sergeant queue', 'sergeant', 'queue', 'queue.sergeant', '/sergeant');
  shell('/prosecutor', 'Prosecutor inbox', 'prosecutor', 'inbox', 'queue.prosecutor', '/prosecutor');
  shell('/nci', 'DOC NCI referrals', 'nci', 'nci', 'queue.nci', '/nci');
  shell('/reports', 'Monthly report', 'reports', 'report', 'report.staffing', '/reports');
  shell('/evaluation', 'Evaluation', 'evaluation', 'evaluation', 'evaluation.read', '/evaluation');
  shell(
    '/evaluation/data-dictionary',
    'Evaluation data dictionary',
    'data-dictionary',
    'dictionary',
    'evaluation.export',
    '/evaluation',
  );
  shell('/supervisor', 'Stuck cases', 'supervisor', 'stuck', 'stuck.read', '/supervisor');
  shell('/cases/:caseId', 'Case', 'case', 'case', 'case.read');
  shell('/cases/:caseId/packet', 'Diversion packet', 'packet', 'packet', 'case.read');
  shell('/cases/:caseId/disclosures', 'Accounting of disclosures', 'disclosures', 'disclosures', 'disclosures.read');
  // Finding a case again (issue 23 item 2): search for every reader of cases, and an officer's own referrals.
  router.get(
    '/search',
    send('Search', 'search', (config) => searchForm(config), {
      current: '/search',
      permission: 'case.search',
      container: 'results',
    }),
  );
  shell('/my-referrals', 'My referrals', 'my-referrals', 'my-referrals', 'referral.readOwn', '/my-referrals');
  return router;
}
