import type { LeadConfig } from '../../config/config-schema';
import { assessEligibility, type EligibilityResult } from '../../eligibility/eligibility';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { eligibilityFactsOf } from '../../referrals/eligibility-facts';
import { notingUncheckedOrders } from '../../referrals/protective-orders';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { api, errorMessage, OfflineError, type ApiResult } from './api';
import { announce, h, replaceChildren, when, whenDone } from './dom';
import { clearErrors, readForm, showErrors } from './form-data';
import * as outbox from './secure-outbox';
import { requireSession, type SessionUser } from './session';

/**
 * The referral form: validated with the API's own zod schemas, eligibility shown as the officer types
 * (the same engine the API runs, summarised beside the Submit button), and every submission kept on
 * the device — encrypted, the officer's own — until the service confirms it. One fill of the form is
 * one referral, however often Submit is tapped or the page reloaded.
 */
const arrestForm = document.getElementById('arrest-form') as HTMLFormElement;
const socialForm = document.getElementById('social-form') as HTMLFormElement;
const result = document.getElementById('result')!;
let config: LeadConfig;
let me: SessionUser;
const DAY_MS = 86_400_000;

/** One submission id per fill of a form: kept across taps and retries, replaced once the referral is recorded. */
const submissionIds = new WeakMap<HTMLFormElement, string>();
const submissionIdOf = (form: HTMLFormElement) =>
  submissionIds.get(form) ?? (submissionIds.set(form, crypto.randomUUID()), submissionIds.get(form)!);

function arrestBody(form: HTMLFormElement): Record<string, any> {
  const body = readForm(form, (name) => name === 'warrants');
  body.protectiveOrders ??= [];
  body.warrants = (readForm(form, (name) => name !== 'warrants').warrants ?? []).map((kind: string) => ({ kind }));
  body.history = { convictions: body.history?.convictions ?? [] };
  if (!body.victim?.identifiable && !body.victim?.consulted) body.victim = { identifiable: false };
  body.submissionId = submissionIdOf(form);
  return body;
}

function socialBody(form: HTMLFormElement): Record<string, any> {
  const body = readForm(form);
  body.protectiveOrders ??= [];
  body.submissionId = submissionIdOf(form);
  return body;
}

/** Empty groups as empty objects, so that validation names each missing field rather than the group. */
function withEmptyGroups(body: Record<string, any>, groups: string[]): Record<string, any> {
  const out = { ...body };
  for (const g of groups) out[g] ??= {};
  if (groups.includes('offenses')) out.offenses = out.offenses?.length ? out.offenses : [{}];
  return out;
}

// --- live eligibility -------------------------------------------------------------------------

/** Placeholders for the parts eligibility does not depend on, so it can be judged while typing. */
function probe(body: Record<string, any>): Record<string, any> {
  return {
    ...body,
    agency: body.agency ?? Object.keys(config.agencies)[0],
    officer: body.officer?.id ? body.officer : { id: 'probe' },
    person: { givenName: 'probe', familyName: 'probe', ...body.person },
    incident: { withinCityLimits: true, ...body.incident },
    overrideRequest: undefined,
  };
}

function renderEligibility(
  verdict: EligibilityResult | undefined,
  priors: Array<{ caseId: string; type: string; stage: string }> | null = [],
): void {
  const panel = document.getElementById('eligibility')!;
  const bar = document.getElementById('eligibility-bar')!;
  panel.className = `panel ${verdict ? (verdict.eligible ? 'ok' : 'bad') : ''}`;
  bar.className = `eligibility-bar ${verdict ? (verdict.eligible ? 'ok' : 'bad') : ''}`;
  if (!verdict) {
    replaceChildren(
      'eligibility-body',
      h('p', { class: 'hint' }, 'Enter the date of birth and the offense to see whether the person is eligible.'),
    );
    replaceChildren(
      'eligibility-bar',
      h('a', { href: '#eligibility' }, 'Eligibility: enter the date of birth and the offense'),
    );
    return;
  }
  const n = verdict.reasons.length;
  replaceChildren(
    'eligibility-bar',
    h(
      'a',
      { href: '#eligibility' },
      verdict.eligible ? 'Eligible for diversion' : `Not eligible: ${n} reason${n === 1 ? '' : 's'} — see why`,
    ),
  );
  replaceChildren(
    'eligibility-body',
    h('p', {}, h('strong', {}, verdict.eligible ? 'Eligible for diversion.' : 'Not eligible on this charge:')),
    n
      ? h(
          'ul',
          { id: 'eligibility-reasons' },
          verdict.reasons.map((r) => h('li', { 'data-rule': r.ruleId }, r.message)),
        )
      : null,
    verdict.notes.length
      ? h(
          'ul',
          {},
          verdict.notes.map((note) => h('li', {}, note.message)),
        )
      : null,
    priors?.length
      ? h(
          'p',
          {},
          `Earlier referrals of this person (R-EL-PRIOR): ${priors.map((p) => `${p.caseId} (${p.stage.toLowerCase().replace(/_/g, ' ')})`).join(', ')}`,
        )
      : null,
  );
  (document.getElementById('override') as HTMLElement).hidden = verdict.eligible;
}

let priorsTimer: number | undefined;
function updateEligibility(): void {
  const parsed = arrestDiversionSchema(config).safeParse(probe(arrestBody(arrestForm)));
  if (!parsed.success) return renderEligibility(undefined);
  // R-EX-ORDER: neither this page nor the service's check says whom an order protects: that is checked
  // only when the referral is recorded, and the verdict says so.
  const verdict = notingUncheckedOrders(
    assessEligibility(eligibilityFactsOf(config, parsed.data, new Date())),
    parsed.data.protectiveOrders,
  );
  renderEligibility(verdict);
  window.clearTimeout(priorsTimer);
  if (!navigator.onLine || !arrestBody(arrestForm).person?.familyName) return;
  priorsTimer = window.setTimeout(
    whenDone(async () => {
      const res = await api(
        'POST',
        '/api/referrals/arrest-diversions/eligibility',
        probe(arrestBody(arrestForm)),
      ).catch(() => undefined);
      // The service's answer adds what only it may show: the person's prior referrals (R-EL-PRIOR).
      if (res?.status === 200) renderEligibility(res.body.eligibility, res.body.priorReferrals);
    }),
    400,
  );
}

// --- repeatable rows and conditional fields -----------------------------------------------------

function addRow(templateId: string, containerId: string): HTMLElement {
  const container = document.getElementById(containerId)!;
  const index = String(container.querySelectorAll(':scope > fieldset').length + Number(container.dataset.removed ?? 0));
  const tpl = (document.getElementById(templateId) as HTMLTemplateElement).innerHTML.replace(/__i__/g, index);
  container.insertAdjacentHTML('beforeend', tpl);
  const row = container.lastElementChild as HTMLElement;
  row.querySelector<HTMLButtonElement>('.remove-row')?.addEventListener('click', () => {
    container.dataset.removed = String(Number(container.dataset.removed ?? 0) + 1);
    row.remove();
    updateEligibility();
  });
  row.querySelector<HTMLElement>('select, input')?.focus();
  return row;
}

function syncConditionalFields(): void {
  arrestForm.querySelectorAll<HTMLFieldSetElement>('fieldset.offense').forEach((row) => {
    const code = row.querySelector<HTMLSelectElement>('select[name$=".code"]')?.value;
    const drug = row.querySelector<HTMLElement>('fieldset.drug')!;
    drug.hidden = !(code && config.offenses[code]?.drugOffense);
  });
  const checked = (name: string) => (arrestForm.elements.namedItem(name) as HTMLInputElement).checked;
  // R-EL-CONSENT-LATER, R-EL-VICTIM: asked only where they apply.
  (document.getElementById('consent-later') as HTMLElement).hidden = checked('circumstances.ableToConsent');
  (document.getElementById('victim-details') as HTMLElement).hidden = !checked('victim.identifiable');
  const source = (socialForm.elements.namedItem('source.type') as HTMLSelectElement).value;
  (document.getElementById('s-vouchedBy') as HTMLElement).hidden = source !== 'COMMUNITY';
}

/**
 * The signed-in officer's agency and badge, filled in for them (Identity: a referral is theirs; the
 * agency may still change for a social contact).
 */
function prefillAgency(form: HTMLFormElement): void {
  const agency = form.elements.namedItem('agency') as HTMLSelectElement;
  if (me.agency && config.agencies[me.agency]) agency.value = me.agency;
  const badge = form.elements.namedItem('officer.id') as HTMLInputElement | null;
  if (badge && me.badge && !badge.value) badge.value = me.badge;
}

/** After a recorded referral the form starts a new fill: empty, with a new submission id. */
function startNewFill(form: HTMLFormElement): void {
  form.reset();
  submissionIds.delete(form);
  form
    .querySelectorAll('#offense-rows > fieldset:not(:first-child), #conviction-rows > fieldset, fieldset.order')
    .forEach((row) => row.remove());
  form.querySelectorAll('details.fold').forEach((d) => d.removeAttribute('open'));
  prefillAgency(form);
  syncConditionalFields();
  if (form === arrestForm) updateEligibility();
}

// --- what the officer is told --------------------------------------------------------------------

function showCase(res: ApiResult, sentLater = false): void {
  const { caseId, case: view, nextSteps } = res.body;
  replaceChildren(
    'result',
    h(
      'h2',
      { id: 'result-title' },
      sentLater
        ? 'Sent: a referral saved on this device reached the service'
        : res.status === 201
          ? 'Referral recorded'
          : 'This referral was already recorded',
    ),
    h('p', {}, 'Case id: ', h('strong', { id: 'case-id' }, caseId)),
    view ? h('p', {}, `Stage: ${String(view.stage).replace(/_/g, ' ').toLowerCase()}`) : null,
    view?.deadlines?.length
      ? h(
          'ul',
          { id: 'deadlines' },
          view.deadlines.map((d: any) => h('li', {}, `${d.name} — ${when(d.dueAt)} (${d.ruleId})`)),
        )
      : null,
    h('h3', {}, 'What happens next'),
    h(
      'ul',
      {},
      (nextSteps as string[]).map((s) => h('li', {}, s)),
    ),
    h(
      'p',
      {},
      h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, 'Open the case'),
      sentLater ? null : ' · the form is empty again for the next referral.',
    ),
  );
  result.className = 'panel ok';
  result.hidden = false;
  result.focus();
}

function showRefusal(form: HTMLFormElement, summary: HTMLElement, res: ApiResult): void {
  const error = res.body?.error ?? {};
  if (error.fields?.length) {
    showErrors(
      form,
      summary,
      error.fields.map((f: { field: string; message: string }) => ({ ...f, path: f.field.split('.') })),
    );
    return;
  }
  if (error.code === 'INELIGIBLE') {
    renderEligibility(error.eligibility, error.priorReferrals);
    (document.getElementById('override') as HTMLElement).hidden = false;
    offerSocialContactFrom(form);
    const reasons = (error.reasons as Array<{ ruleId: string; message: string }>).map((r) =>
      h('li', { 'data-rule': r.ruleId }, h('a', { href: '#eligibility' }, `Not eligible: ${r.message}`)),
    );
    showErrors(
      form,
      summary,
      [
        {
          path: ['overrideRequest', 'reason'],
          message: 'If you booked the person, give the sergeant a reason to override (R-EL-OVERRIDE)',
        },
      ],
      reasons,
    );
    return;
  }
  showErrors(form, summary, [{ path: [], message: errorMessage(res) }]);
}

/**
 * R-SC-FROM-ARREST: a person not diverted may still be referred as a social contact, started from what
 * the officer already entered (nothing typed again).
 */
function offerSocialContactFrom(form: HTMLFormElement): void {
  if (!document.getElementById('social-from-arrest'))
    document.getElementById('override')!.after(h('p', { id: 'social-from-arrest', class: 'panel' }));
  const body = arrestBody(form);
  replaceChildren(
    'social-from-arrest',
    h(
      'button',
      {
        type: 'button',
        onclick: () =>
          fillSocialContact({
            agency: body.agency,
            source: { type: 'OFFICER', referrerId: body.officer?.id ?? '' },
            person: body.person,
            verification: { bases: ['POLICE_RECORDS'] },
            drivers: [],
            violations: [{ date: body.incident?.occurredOn ?? new Date().toISOString().slice(0, 10) }],
          }),
      },
      'Refer as a social contact instead (R-SC-FROM-ARREST)',
    ),
  );
}

/** Opens the social-contact form filled from a draft (R-SC-FROM-ARREST); the officer completes the rest. */
function fillSocialContact(draft: Record<string, any>): void {
  const radio = document.querySelector<HTMLInputElement>('input[name="referral-type"][value="SOCIAL_CONTACT"]')!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  const set = (name: string, value: unknown) => {
    const el = socialForm.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (el && value !== undefined && value !== null) el.value = String(value);
  };
  set('agency', draft.agency);
  set('source.type', draft.source?.type);
  set('source.referrerId', draft.source?.referrerId);
  for (const key of ['givenName', 'familyName', 'dateOfBirth', 'stateId']) set(`person.${key}`, draft.person?.[key]);
  set('narrative', draft.narrative);
  set('violations.0.date', draft.violations?.[0]?.date);
  socialForm
    .querySelectorAll<HTMLInputElement>('input[name="verification.bases"], input[name="drivers"]')
    .forEach(
      (box) => (box.checked = [...(draft.verification?.bases ?? []), ...(draft.drivers ?? [])].includes(box.value)),
    );
  if (draft.fromArrest) {
    set('fromArrest', draft.fromArrest);
    const note = document.getElementById('s-from-arrest-note')!;
    note.textContent = `Started from case ${draft.fromArrest}, not diverted (R-SC-FROM-ARREST): complete what applies.`;
    note.hidden = false;
  }
  syncConditionalFields();
  (socialForm.elements.namedItem('person.givenName') as HTMLInputElement | null)?.focus();
}

/**
 * R-EL-NORIGHT, R-EVAL: the officer books instead of diverting — the checked referral is recorded in
 * the comparison pool with its eligibility reasons (the same body; the same submission id).
 */
async function book(form: HTMLFormElement): Promise<void> {
  const button = document.getElementById('arrest-book') as HTMLButtonElement;
  const summary = document.getElementById('arrest-errors')!;
  const body = arrestBody(form);
  const schema: { safeParse(v: unknown, params?: { reportInput?: boolean }): any } = arrestDiversionSchema(config);
  const parsed = schema.safeParse(withEmptyGroups(body, ['officer', 'person', 'incident', 'offenses']), {
    reportInput: true,
  });
  if (!parsed.success) return showErrors(form, summary, parsed.error.issues);
  clearErrors(form, summary);
  button.disabled = true;
  try {
    const res = await api('POST', '/api/referrals/bookings', { ...body, overrideRequest: undefined });
    if (res.status !== 200 && res.status !== 201) return showRefusal(form, summary, res);
    replaceChildren(
      'result',
      h('h2', { id: 'result-title' }, res.status === 201 ? 'Booking recorded' : 'This booking was already recorded'),
      h('p', {}, 'Booking id: ', h('strong', { id: 'booking-id' }, res.body.bookingId)),
      h(
        'p',
        {},
        res.body.reason === 'INELIGIBLE'
          ? 'Not eligible: the person is booked, with the reasons the check found.'
          : 'Eligible, and booked: diversion is advice, the officer decides (R-EL-NORIGHT).',
        ' The booking is kept for the program evaluation (R-EVAL); its outcomes are followed up at 6, 12 and 24 months.',
      ),
    );
    result.className = 'panel ok';
    result.hidden = false;
    result.focus();
    startNewFill(form);
  } finally {
    button.disabled = false;
  }
}

// --- the device's outbox -------------------------------------------------------------------------

const nameOf = (entry: outbox.OutboxEntry) => {
  const person = entry.body.person as { givenName?: string; familyName?: string } | undefined;
  return `${person?.givenName ?? ''} ${person?.familyName ?? ''}`.trim() || 'a referral';
};

/** What waits on this device for the signed-in officer, with when each expires (and a warning the day before). */
async function renderOutbox(): Promise<void> {
  const panel = document.getElementById('outbox')!;
  const entries = await outbox.entriesOf(me.id);
  if (entries.length === 0) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const soon = entries.some((e) => !e.refusal && Date.parse(e.expiresAt) - Date.now() < DAY_MS);
  panel.className = `panel ${soon || entries.some((e) => e.refusal) ? 'bad' : 'warn'}`;
  panel.replaceChildren(
    h('h2', { id: 'outbox-title' }, `Saved on this device (${entries.length} waiting)`),
    h(
      'p',
      {},
      'Encrypted, and yours alone: sent automatically, once, when the connection returns. Nobody else who signs in on this device can see or send them.',
    ),
    h(
      'ul',
      { id: 'outbox-items' },
      entries.map((e) =>
        h(
          'li',
          { 'data-submission': e.id },
          `${nameOf(e)} — saved ${when(e.savedAt)}; `,
          e.refusal
            ? [
                h('strong', {}, `refused by the service: ${e.refusal}`),
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: whenDone(async () => {
                      await outbox.remove(e.id);
                      await renderOutbox();
                    }),
                  },
                  'Discard',
                ),
              ]
            : Date.parse(e.expiresAt) - Date.now() < DAY_MS
              ? h(
                  'strong',
                  { class: 'expiry-warning' },
                  `expires ${when(e.expiresAt)}: send it before then, or give it to your sergeant`,
                )
              : `kept until ${when(e.expiresAt)}`,
        ),
      ),
    ),
  );
  panel.hidden = false;
}

function askToSignInAgain(): void {
  replaceChildren(
    'result',
    h('h2', { id: 'result-title' }, 'Sign in again to send'),
    h(
      'p',
      {},
      `Your session has ended. The referral is saved on this device, encrypted, and will be sent as soon as you sign in again as ${me.name ?? me.id}.`,
    ),
    h('p', {}, h('a', { href: `/sign-in?next=${encodeURIComponent('/refer')}`, id: 'sign-in-again' }, 'Sign in again')),
  );
  result.className = 'panel warn';
  result.hidden = false;
  result.focus();
}

type Delivery = 'recorded' | 'refused' | 'kept' | 'signed-out';

/** Sends one saved referral; it leaves the device only when the service has recorded it. */
async function deliver(
  entry: outbox.OutboxEntry,
  sentLater: boolean,
  onRefusal: (res: ApiResult) => void,
): Promise<Delivery> {
  let res: ApiResult;
  try {
    res = await api('POST', entry.url, entry.body);
  } catch (err) {
    if (err instanceof OfflineError) return 'kept';
    throw err;
  }
  if (res.status === 200 || res.status === 201) {
    await outbox.remove(entry.id);
    showCase(res, sentLater);
    return 'recorded';
  }
  if (res.status === 401) return 'signed-out';
  if (res.status >= 500 || res.status === 429) return 'kept';
  onRefusal(res);
  return 'refused';
}

function showSaved(): void {
  replaceChildren(
    'result',
    h('h2', { id: 'result-title' }, 'Saved on this device'),
    h(
      'p',
      {},
      'No connection to the service. The referral is kept here, encrypted, and will be sent once the connection returns.',
    ),
  );
  result.className = 'panel warn';
  result.hidden = false;
  result.focus();
  announce('No connection: the referral is saved on this device and will be sent automatically.');
}

async function submit(
  form: HTMLFormElement,
  url: string,
  body: Record<string, any>,
  schema: { safeParse(v: unknown, params?: { reportInput?: boolean }): any },
  summaryId: string,
  groups: string[],
): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  if (button.disabled) return;
  const summary = document.getElementById(summaryId)!;
  const parsed = schema.safeParse(withEmptyGroups(body, groups), { reportInput: true });
  if (!parsed.success) return showErrors(form, summary, parsed.error.issues);
  clearErrors(form, summary);
  const now = Date.now();
  const entry: outbox.OutboxEntry = {
    id: body.submissionId,
    url,
    body: { ...body, submissionId: body.submissionId, referredAt: body.referredAt ?? new Date(now).toISOString() },
    savedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + config.durations.maxReferralBackdate).toISOString(),
  };
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Sending…';
  try {
    // Kept on the device first: a reload, a lost answer or a dead battery cannot lose it, and the same
    // submission id makes any resend the same referral.
    await outbox.save(me.id, entry);
    const outcome = await deliver(entry, false, (res) => {
      void outbox.remove(entry.id); // the form on the screen still holds it, to correct
      showRefusal(form, summary, res);
    });
    if (outcome === 'recorded') startNewFill(form);
    if (outcome === 'kept') showSaved();
    if (outcome === 'signed-out') askToSignInAgain();
  } finally {
    button.disabled = false;
    button.textContent = label;
    await renderOutbox();
  }
}

let retryTimer: number | undefined;
let flushing = false;
/** Sends what waits on this device for the signed-in officer; tries again while some still wait. */
async function sendWaiting(): Promise<void> {
  window.clearTimeout(retryTimer);
  if (flushing) return;
  flushing = true;
  try {
    for (const entry of await outbox.entriesOf(me.id)) {
      if (entry.refusal) continue;
      const outcome = await deliver(entry, true, (res) => {
        void outbox.save(me.id, { ...entry, refusal: errorMessage(res) });
        announce(`A saved referral was refused: ${errorMessage(res)}`);
      });
      if (outcome === 'signed-out') return askToSignInAgain();
      if (outcome === 'kept') break;
    }
  } finally {
    flushing = false;
    await renderOutbox();
  }
  if ((await outbox.entriesOf(me.id)).some((e) => !e.refusal))
    retryTimer = window.setTimeout(() => void sendWaiting(), navigator.onLine ? 5000 : 30_000);
}

async function expireOld(): Promise<void> {
  await outbox.retireLegacyOutbox(config.durations.maxReferralBackdate);
  const expired = await outbox.removeExpired(me.id);
  if (expired > 0)
    announce(
      `${expired === 1 ? 'A referral' : `${expired} referrals`} saved on this device expired unsent (older than the service accepts): give the details to your sergeant.`,
    );
}

// --- wiring -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const user = await requireSession();
  if (!user) return;
  me = user;
  const res = await api('GET', '/api/form-config').catch(() => undefined);
  config = res?.body ?? JSON.parse(localStorage.getItem('lead-form-config') ?? 'null');
  if (!config) {
    announce('The form needs a connection the first time it is opened.');
    return;
  }
  localStorage.setItem('lead-form-config', JSON.stringify(config));
  // R-SC-FROM-ARREST: /refer?from=<case id> starts a social contact from an arrest that was not diverted.
  const from = new URLSearchParams(location.search).get('from');

  document.querySelectorAll<HTMLInputElement>('input[name="referral-type"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      const type = document.querySelector<HTMLInputElement>('input[name="referral-type"]:checked')?.value;
      arrestForm.hidden = type !== 'ARREST_DIVERSION';
      socialForm.hidden = type !== 'SOCIAL_CONTACT';
    }),
  );
  document
    .getElementById('add-offense')!
    .addEventListener('click', () => (addRow('tpl-offense', 'offense-rows'), syncConditionalFields()));
  document
    .getElementById('add-conviction')!
    .addEventListener('click', () => (addRow('tpl-conviction', 'conviction-rows'), updateEligibility()));
  document
    .querySelectorAll<HTMLButtonElement>('button.add-order')
    .forEach((button) =>
      button.addEventListener(
        'click',
        () => (addRow(button.dataset.template!, button.dataset.rows!), updateEligibility()),
      ),
    );
  arrestForm.addEventListener('input', () => (syncConditionalFields(), updateEligibility()));
  arrestForm.addEventListener('change', () => (syncConditionalFields(), updateEligibility()));
  socialForm.addEventListener('change', syncConditionalFields);
  if (from) {
    const draft = await api('GET', `/api/cases/${encodeURIComponent(from)}/social-contact-draft`);
    if (draft.status === 200) fillSocialContact(draft.body.draft);
    else announce(errorMessage(draft));
  }
  arrestForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(
      arrestForm,
      '/api/referrals/arrest-diversions',
      arrestBody(arrestForm),
      arrestDiversionSchema(config),
      'arrest-errors',
      ['officer', 'person', 'incident', 'offenses'],
    );
  });
  document.getElementById('arrest-book')!.addEventListener('click', () => void book(arrestForm));
  socialForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(
      socialForm,
      '/api/referrals/social-contacts',
      socialBody(socialForm),
      socialContactSchema(config),
      'social-errors',
      ['source', 'person', 'verification'],
    );
  });
  window.addEventListener('online', () => void sendWaiting());
  prefillAgency(arrestForm);
  prefillAgency(socialForm);
  syncConditionalFields();
  await expireOld();
  await sendWaiting();
  arrestForm.dataset.ready = 'true';
}

void main();
