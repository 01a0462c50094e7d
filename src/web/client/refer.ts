import type { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { assessEligibility, type EligibilityResult } from '../../eligibility/eligibility';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { eligibilityFactsOf } from '../../referrals/eligibility-facts';
import { notingUncheckedOrders } from '../../referrals/protective-orders';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { stageLabel } from '../../contract/plain-language';
import type { AnswerBody, AnswerTo } from '../../api/contract/api-answers';
import { api, errorMessage, OfflineError, refusalOf, type ApiResult } from './api';
import { localDate } from '../../eligibility/calendar-dates';
import { announce, h, replaceChildren, when, whenDone, type Child } from './dom';
import type { Draft } from './draft';
import { clearErrors, problemsOf, readForm, showErrors, type FormJson } from './form-data';
import { retryDelayMs, serverWaitMs } from './retry';
import * as outbox from './secure-outbox';
import { requireSession, type SessionUser } from './session';
import { inWords, why } from './words';
import { textOf } from './text-of';

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

const ARREST_URL = '/api/referrals/arrest-diversions';
const SOCIAL_URL = '/api/referrals/social-contacts';
const BOOKINGS_URL = '/api/referrals/bookings';
const SUBMIT_URLS = [ARREST_URL, SOCIAL_URL, BOOKINGS_URL] as const;
type SubmitUrl = (typeof SUBMIT_URLS)[number];
const isSubmitUrl = (url: string): url is SubmitUrl => (SUBMIT_URLS as readonly string[]).includes(url);
/** A referral or booking the service recorded: now, or before (the same submission id). */
type Recorded = Extract<AnswerTo<'POST', SubmitUrl>, { status: 200 | 201 }>;

/**
 * One submission id per fill of a form: kept across taps and retries, replaced once the referral is
 * recorded or safe in the outbox. A fill put back to be corrected keeps its id and referral time.
 */
const submissionIds = new WeakMap<HTMLFormElement, string>();
const referredAts = new WeakMap<HTMLFormElement, string>();
const submissionIdOf = (form: HTMLFormElement) =>
  submissionIds.get(form) ?? (submissionIds.set(form, crypto.randomUUID()), submissionIds.get(form)!);

/**
 * A fill of a form: the input its schema takes, any part still missing (the controls are named after the
 * schema's paths; the schema checks the rest when it is sent), with the fill's submission id.
 */
type Fill<S extends (config: LeadConfig) => z.ZodType> = Draft<z.input<ReturnType<S>>> & { submissionId: string };
type ArrestFill = Fill<typeof arrestDiversionSchema>;
type SocialFill = Fill<typeof socialContactSchema>;
type WarrantKind = NonNullable<ArrestFill['warrants']>[number]['kind'];

function arrestBody(form: HTMLFormElement): ArrestFill {
  const body = readForm(form, (name) => name === 'warrants') as ArrestFill;
  body.protectiveOrders ??= [];
  const kinds = (readForm(form, (name) => name !== 'warrants').warrants ?? []) as WarrantKind[];
  body.warrants = kinds.map((kind) => ({ kind }));
  body.history = { convictions: body.history?.convictions ?? [] };
  if (!body.perceivedRace?.length) delete body.perceivedRace; // R-EVAL: none ticked is not recorded
  if (!body.victim?.identifiable && !body.victim?.consulted) body.victim = { identifiable: false };
  body.submissionId = submissionIdOf(form);
  return body;
}

function socialBody(form: HTMLFormElement): SocialFill {
  const body = readForm(form) as SocialFill;
  body.protectiveOrders ??= [];
  body.submissionId = submissionIdOf(form);
  return body;
}

/** Empty groups as empty objects, so that validation names each missing field rather than the group. */
function withEmptyGroups(body: object, groups: string[]): FormJson {
  const out: FormJson = { ...body };
  for (const g of groups) out[g] ??= {};
  if (groups.includes('offenses'))
    out.offenses = Array.isArray(out.offenses) && out.offenses.length ? out.offenses : [{}];
  return out;
}

// --- live eligibility -------------------------------------------------------------------------

/** Placeholders for the parts eligibility does not depend on, so it can be judged while typing. */
function probe(body: ArrestFill): FormJson {
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
  verdict: Pick<EligibilityResult, 'eligible' | 'reasons' | 'notes'> | undefined,
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
          verdict.reasons.map((r) => {
            const said = inWords(r.message, r.ruleId);
            return h('li', { 'data-rule': r.ruleId }, said.text, said.why);
          }),
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
          `Earlier referrals of this person: ${priors.map((p) => `${p.caseId} (${stageLabel(p.stage).toLowerCase()})`).join(', ')}`,
          why('R-EL-PRIOR'),
        )
      : null,
  );
  (document.getElementById('override') as HTMLElement).hidden = verdict.eligible;
}

let priorsTimer: number | undefined;
/**
 * Which verdict the panel shows: the latest asked for. A service answer to an earlier probe (the prior
 * referrals' check, 400 ms after typing) must not replace a later one — a refusal's reasons (R-EX-ORDER,
 * checked only when the referral is recorded) stay in view.
 */
let verdictSeq = 0;
function updateEligibility(): void {
  const seq = ++verdictSeq;
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
      if (res?.status === 200 && seq === verdictSeq) renderEligibility(res.body.eligibility, res.body.priorReferrals);
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
  // R-EVAL: the officer's perception of race/ethnicity, asked only for an agency that records it.
  const perceived = document.getElementById('f-perceivedRace');
  const agency = (arrestForm.elements.namedItem('agency') as HTMLSelectElement).value;
  if (perceived) perceived.hidden = !config.agencies[agency]?.recordsPerceivedRace;
  const source = (socialForm.elements.namedItem('source.type') as HTMLSelectElement).value;
  (document.getElementById('s-vouchedBy') as HTMLElement).hidden = source !== 'COMMUNITY';
}

/**
 * The signed-in officer's agency, badge and name, filled in for them (Identity: a referral is theirs;
 * the agency may still change for a social contact).
 */
function prefillOfficer(form: HTMLFormElement): void {
  const agency = form.elements.namedItem('agency') as HTMLSelectElement;
  if (me.agency && config.agencies[me.agency]) agency.value = me.agency;
  const fill = (name: string, value: string | undefined) => {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input && value && !input.value) input.value = value;
  };
  fill('officer.id', me.badge);
  fill('officer.name', me.name);
  const source = form.elements.namedItem('source.type') as HTMLSelectElement | null;
  if (!source || source.value === 'OFFICER') fill('source.referrerId', me.badge);
}

/**
 * A new fill of the form: empty but for the officer's own details, with a new submission id. It
 * starts once a referral is recorded, and as soon as one is safe in this device's outbox (offline, or
 * the service busy): the next person is never typed over a fill whose id is already used.
 */
function startNewFill(form: HTMLFormElement): void {
  form.reset();
  submissionIds.delete(form);
  referredAts.delete(form);
  form
    .querySelectorAll('#offense-rows > fieldset:not(:first-child), #conviction-rows > fieldset, fieldset.order')
    .forEach((row) => row.remove());
  form.querySelectorAll('details.fold').forEach((d) => d.removeAttribute('open'));
  clearErrors(form, document.getElementById(form === arrestForm ? 'arrest-errors' : 'social-errors')!);
  if (form === arrestForm) {
    (document.getElementById('override') as HTMLElement).hidden = true;
    document.getElementById('social-from-arrest')?.remove();
  } else (document.getElementById('s-from-arrest-note') as HTMLElement).hidden = true;
  prefillOfficer(form);
  syncConditionalFields();
  if (form === arrestForm) updateEligibility();
}

/**
 * What is sent for a fill: stamped with when it was referred (kept across retries and corrections)
 * and, for an arrest, the incident date — "Default: today" is today's date in the program's time zone,
 * stored explicitly so the record and the packet say it.
 */
function stamped(
  form: HTMLFormElement,
  body: ArrestFill | SocialFill,
  now: number,
): FormJson & { submissionId: string; referredAt: string } {
  const referredAt: string = body.referredAt ?? referredAts.get(form) ?? new Date(now).toISOString();
  const out = { ...body, referredAt };
  if (form === arrestForm) {
    const { incident } = body as ArrestFill;
    return {
      ...out,
      incident: {
        ...incident,
        occurredOn: incident?.occurredOn ?? localDate(new Date(referredAt), config.program.timezone),
      },
    };
  }
  return out;
}

// --- what the officer is told --------------------------------------------------------------------

const personOf = (body: Record<string, unknown>) => {
  const person = body.person as { givenName?: string; familyName?: string } | undefined;
  return `${person?.givenName ?? ''} ${person?.familyName ?? ''}`.trim();
};
const isBooking = (entry: outbox.OutboxEntry) => entry.url === BOOKINGS_URL;
const formFor = (entry: outbox.OutboxEntry) => (entry.url === SOCIAL_URL ? socialForm : arrestForm);
/** The form whose current fill is this entry, if it still is. */
const formHolding = (id: string) => [arrestForm, socialForm].find((form) => submissionIds.get(form) === id);

/** "Referral for Ada Lovelace sent — case LEAD-…": what was sent, for whom, and where it is now. */
function sentTitle(entry: outbox.OutboxEntry, res: Recorded): string {
  const name = personOf(entry.body) || 'the person';
  if ('bookingId' in res.body)
    return res.status === 201
      ? `Booking for ${name} recorded — booking ${res.body.bookingId}`
      : `The booking for ${name} was already recorded — booking ${res.body.bookingId}`;
  return res.status === 201
    ? `Referral for ${name} sent — case ${res.body.caseId}`
    : `The referral for ${name} was already recorded — case ${res.body.caseId}`;
}

function showPanel(kind: 'ok' | 'warn', focus: boolean, ...children: Child[]): void {
  replaceChildren('result', ...children);
  delete result.dataset.state;
  result.className = `panel ${kind}`;
  result.hidden = false;
  // A send that completes in the background never takes the officer away from what they are typing.
  if (focus) result.focus();
}

function caseDetails(res: Recorded): Child[] {
  if (!('caseId' in res.body)) return [];
  const { caseId, case: view, nextSteps } = res.body;
  return [
    h('p', {}, 'Case id: ', h('strong', { id: 'case-id' }, caseId)),
    view ? h('p', {}, `Stage: ${String(view.stage).replace(/_/g, ' ').toLowerCase()}`) : null,
    view?.deadlines?.length
      ? h(
          'ul',
          { id: 'deadlines' },
          view.deadlines.map((d) => h('li', {}, `${d.name} — ${when(d.dueAt)} (${d.ruleId})`)),
        )
      : null,
    h('h3', {}, 'What happens next'),
    h(
      'ul',
      {},
      (nextSteps ?? []).map((s) => h('li', {}, s)),
    ),
    h('p', {}, h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, 'Open the case')),
  ];
}

function bookingDetails(res: Recorded): HTMLElement[] {
  if (!('bookingId' in res.body)) return [];
  return [
    h('p', {}, 'Booking id: ', h('strong', { id: 'booking-id' }, res.body.bookingId)),
    h(
      'p',
      {},
      res.body.reason === 'INELIGIBLE'
        ? 'Not eligible: the person is booked, with the reasons the check found.'
        : 'Eligible, and booked: diversion is advice, the officer decides.',
      ' The booking is kept for the program evaluation; its outcomes are followed up at 6, 12 and 24 months.',
      why(res.body.reason === 'INELIGIBLE' ? ['R-EVAL'] : ['R-EL-NORIGHT', 'R-EVAL']),
    ),
  ];
}

/** What was sent (one or several, from the form or from this device's outbox); the form is ready for the next person. */
function showSent(sent: Array<{ entry: outbox.OutboxEntry; res: Recorded }>, focus: boolean, formEmpty: boolean): void {
  announce(''); // an earlier "No connection" or "busy" says nothing true any more
  const next = formEmpty ? h('p', { class: 'hint' }, 'The form is empty for the next referral.') : null;
  if (sent.length === 1) {
    const [{ entry, res }] = sent;
    return showPanel(
      'ok',
      focus,
      h('h2', { id: 'result-title' }, sentTitle(entry, res)),
      isBooking(entry) ? bookingDetails(res) : caseDetails(res),
      next,
    );
  }
  showPanel(
    'ok',
    focus,
    h('h2', { id: 'result-title' }, `${sent.length} referrals saved on this device were sent`),
    h(
      'ul',
      { id: 'sent-list' },
      sent.map(({ entry, res }) =>
        h(
          'li',
          {},
          'caseId' in res.body
            ? h('a', { href: `/cases/${encodeURIComponent(res.body.caseId)}` }, sentTitle(entry, res))
            : sentTitle(entry, res),
        ),
      ),
    ),
    next,
  );
}

function showRefusal(form: HTMLFormElement, summary: HTMLElement, res: ApiResult): void {
  const error = refusalOf(res.body) ?? { code: '', message: '' };
  if (error.fields?.length) {
    showErrors(
      form,
      summary,
      error.fields.map((f) => ({ ...f, path: f.field.split('.') })),
    );
    return;
  }
  if (error.code === 'INELIGIBLE') {
    window.clearTimeout(priorsTimer);
    verdictSeq++;
    renderEligibility(error.eligibility, error.priorReferrals);
    (document.getElementById('override') as HTMLElement).hidden = false;
    offerSocialContactFrom(form);
    const reasons = (error.reasons as Array<{ ruleId: string; message: string }>).map((r) =>
      h(
        'li',
        { 'data-rule': r.ruleId },
        h('a', { href: '#eligibility' }, `Not eligible: ${inWords(r.message).text}`),
        why(r.ruleId),
      ),
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
      'Refer as a social contact instead',
    ),
    why('R-SC-FROM-ARREST'),
  );
}

type SocialContactDraft = AnswerBody<'GET', `/api/cases/${string}/social-contact-draft`>['draft'];

/**
 * Opens the social-contact form filled from a draft (R-SC-FROM-ARREST) — the service's, or one from the
 * arrest form — and the officer completes the rest.
 */
function fillSocialContact(draft: Draft<Omit<SocialContactDraft, 'fromArrest'>> & { fromArrest?: string }): void {
  const radio = document.querySelector<HTMLInputElement>('input[name="referral-type"][value="SOCIAL_CONTACT"]')!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  const set = (name: string, value: unknown) => {
    const el = socialForm.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (el && value !== undefined && value !== null) el.value = textOf(value);
  };
  set('agency', draft.agency);
  set('source.type', draft.source?.type);
  set('source.referrerId', draft.source?.referrerId);
  for (const key of ['givenName', 'familyName', 'dateOfBirth', 'stateId'] as const)
    set(`person.${key}`, draft.person?.[key]);
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
    note.replaceChildren(
      `Started from case ${draft.fromArrest}, not diverted: complete what applies.`,
      why('R-SC-FROM-ARREST') ?? '',
    );
    note.hidden = false;
  }
  syncConditionalFields();
  (socialForm.elements.namedItem('person.givenName') as HTMLInputElement | null)?.focus();
}

/**
 * R-EL-NORIGHT, R-EVAL: the officer books instead of diverting — the checked referral is recorded in
 * the comparison pool with its eligibility reasons (the same body; the same submission id). It is
 * asked first, naming the person and what it does: a booking is not undone from this form.
 */
function askToBook(form: HTMLFormElement): void {
  const summary = document.getElementById('arrest-errors')!;
  const body = arrestBody(form);
  const parsed = arrestDiversionSchema(config).safeParse(
    withEmptyGroups(body, ['officer', 'person', 'incident', 'offenses']),
    { reportInput: true },
  );
  if (!parsed.success) return showErrors(form, summary, problemsOf(parsed.error.issues));
  clearErrors(form, summary);
  const dialog = document.getElementById('book-confirm') as HTMLDialogElement;
  const name = personOf(body);
  document.getElementById('book-confirm-title')!.textContent = `Book ${name} instead of diverting?`;
  document.getElementById('book-confirm-yes')!.textContent = `Book ${name}`;
  dialog.returnValue = '';
  dialog.showModal(); // focus goes to "Cancel"; Escape cancels
}

function onBookDialogClosed(): void {
  const dialog = document.getElementById('book-confirm') as HTMLDialogElement;
  if (dialog.returnValue !== 'book') {
    document.getElementById('arrest-book')!.focus();
    return;
  }
  const body = arrestBody(arrestForm);
  void send(
    arrestForm,
    BOOKINGS_URL,
    { ...body, overrideRequest: undefined },
    arrestDiversionSchema(config),
    'arrest-errors',
    ['officer', 'person', 'incident', 'offenses'],
  );
}

// --- the device's outbox -------------------------------------------------------------------------

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
      'Encrypted, and yours alone: sent automatically, once, when the service can take it. Nobody else who signs in on this device can see or send them.',
    ),
    h(
      'ul',
      { id: 'outbox-items' },
      entries.map((e) =>
        h(
          'li',
          { 'data-submission': e.id },
          `${isBooking(e) ? 'Booking: ' : ''}${personOf(e.body) || 'a referral'} — saved ${when(e.savedAt)}; `,
          e.refusal
            ? [
                h('strong', {}, `refused by the service: ${e.refusal}`),
                ' ',
                h(
                  'button',
                  { type: 'button', class: 'secondary', onclick: () => correctInForm(e) },
                  'Correct it in the form',
                ),
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

/** Sets the controls named by a body's paths (the inverse of readForm, within one row or form). */
function setControls(scope: HTMLElement, name: string, value: unknown): void {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    scope
      .querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`)
      .forEach((box) => (box.checked = value.includes(box.value)));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) setControls(scope, name ? `${name}.${key}` : key, v);
    return;
  }
  scope
    .querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)
    .forEach((el) => {
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = value === true;
      else if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === textOf(value);
      else el.value = textOf(value);
    });
}

/**
 * A referral the service refused after it left the form (sent from the outbox) goes back into the form,
 * with its submission id and referral time: the officer corrects it (an override reason, a badge) and
 * submits it again — the same referral, never a second one.
 */
function correctInForm(entry: outbox.OutboxEntry): void {
  const form = formFor(entry);
  const typed = personOf(readForm(form));
  if (
    typed &&
    !window.confirm(`Replace the referral for ${typed} in the form with the one for ${personOf(entry.body)}?`)
  )
    return;
  const radio = document.querySelector<HTMLInputElement>(
    `input[name="referral-type"][value="${form === socialForm ? 'SOCIAL_CONTACT' : 'ARREST_DIVERSION'}"]`,
  )!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  startNewFill(form);
  // What was sent of this form's fill (the outbox keeps it as it left).
  const { submissionId, referredAt, offenses, history, protectiveOrders, warrants, ...rest } =
    entry.body as ArrestFill & SocialFill;
  const p = form.dataset.prefix;
  const rows = (items: unknown[] | undefined, name: string, template: string, container: string, first?: Element) =>
    (items ?? []).forEach((item, i) => {
      const row = (i === 0 && first) || addRow(template, container);
      setControls(row as HTMLElement, `${name}.${(row as HTMLElement).dataset.index}`, item);
    });
  setControls(form, '', rest);
  if (form === arrestForm) {
    const offenseRows = document.getElementById('offense-rows')!;
    rows(offenses, 'offenses', 'tpl-offense', 'offense-rows', offenseRows.firstElementChild ?? undefined);
    rows(history?.convictions, 'history.convictions', 'tpl-conviction', 'conviction-rows');
    setControls(
      form,
      'warrants',
      ((warrants ?? []) as Array<{ kind: string }>).map((w) => w.kind),
    );
  }
  rows(protectiveOrders, 'protectiveOrders', `${p}-tpl-order`, `${p}-order-rows`);
  form.querySelectorAll('details.fold').forEach((fold) => {
    const filled = Array.from(fold.querySelectorAll<HTMLInputElement>('input, select')).some((el) =>
      el.type === 'checkbox' ? el.checked : el.value !== '',
    );
    if (filled) fold.setAttribute('open', '');
  });
  submissionIds.set(form, submissionId);
  if (referredAt) referredAts.set(form, referredAt);
  syncConditionalFields();
  if (form === arrestForm) updateEligibility();
  if (entry.url === BOOKINGS_URL) announce('Correct the booking and tap "Book instead" again.');
  else announce(`The referral for ${personOf(entry.body)} is back in the form: correct it and submit it again.`);
  (form.elements.namedItem('person.givenName') as HTMLInputElement).focus();
}

function askToSignInAgain(focus: boolean): void {
  showPanel(
    'warn',
    focus,
    h('h2', { id: 'result-title' }, 'Sign in again to send'),
    h(
      'p',
      {},
      `Your session has ended. The referral is saved on this device, encrypted, and will be sent as soon as you sign in again as ${me.name ?? me.id}.`,
    ),
    h('p', {}, h('a', { href: `/sign-in?next=${encodeURIComponent('/refer')}`, id: 'sign-in-again' }, 'Sign in again')),
  );
}

/** One attempt to send a saved referral, and what it came to. */
type Attempt =
  | { kind: 'recorded'; res: Recorded }
  | { kind: 'refused'; res: ApiResult }
  | { kind: 'signed-out' }
  /** The device has no connection. */
  | { kind: 'offline' }
  /** The device is online, but the service did not answer. */
  | { kind: 'unreachable' }
  /** The service answered "not now" (429, 5xx); `stop`: it asks everyone to wait (rate limit, unavailable). */
  | { kind: 'busy'; res: ApiResult; stop: boolean };

async function attempt(entry: outbox.OutboxEntry): Promise<Attempt> {
  // Every entry is saved by this page, for one of its URLs.
  if (!isSubmitUrl(entry.url)) throw new Error(`not a referral URL: ${entry.url}`);
  let res: ApiResult<AnswerTo<'POST', SubmitUrl>>;
  try {
    res = await api('POST', entry.url, entry.body);
  } catch (err) {
    if (err instanceof OfflineError) return { kind: navigator.onLine ? 'unreachable' : 'offline' };
    throw err;
  }
  if (res.status === 200 || res.status === 201) return { kind: 'recorded', res };
  if (res.status === 401) return { kind: 'signed-out' };
  if (res.status === 408 || res.status === 429 || res.status >= 500)
    return { kind: 'busy', res, stop: [429, 502, 503, 504].includes(res.status) };
  return { kind: 'refused', res };
}

let retryTimer: number | undefined;
let countdownTimer: number | undefined;
/** Consecutive "not now" answers: the backoff grows with them and starts again once the service answers. */
let notNow = 0;
/** While the page waits as the service asked, nothing is sent sooner — not even on a new Submit. */
let notBefore = 0;
let lastWait: 'unreachable' | 'busy' = 'busy';
type Waiting = {
  entry: outbox.OutboxEntry;
  kind: 'offline' | 'unreachable' | 'busy';
  hintMs?: number;
  resumeAt?: number;
};

function stopRetrying(): void {
  window.clearTimeout(retryTimer);
  window.clearInterval(countdownTimer);
  retryTimer = countdownTimer = undefined;
}

/**
 * Saved referrals wait for the service: offline, until the connection returns (the `online` event, and
 * a slow check in case it never comes); online, the page itself tries again — when the service said
 * to (Retry-After, RateLimit), backing off up to a cap — and says when, counting down.
 */
function showWaiting(waiting: Waiting, count: number, focus: boolean, alsoSent: boolean): void {
  stopRetrying();
  const name = personOf(waiting.entry.body) || 'a person';
  const what = isBooking(waiting.entry) ? `The booking for ${name}` : `The referral for ${name}`;
  const kept =
    count > 1
      ? `${count} referrals are kept on this device, encrypted, and sent automatically`
      : `${what} is kept on this device, encrypted, and sent automatically`;
  let title: HTMLElement;
  let detail: string;
  if (waiting.kind === 'offline') {
    notBefore = 0;
    retryTimer = window.setTimeout(() => void sendWaiting(), 30_000);
    // Still offline, as the page already says: not announced again every 30 s.
    if (!focus && !alsoSent && result.dataset.state === 'offline') return;
    title = h('span', {}, 'No connection: saved on this device');
    detail = `${kept} once the connection returns.`;
  } else {
    const delay = waiting.resumeAt
      ? Math.max(1, Math.ceil((waiting.resumeAt - Date.now()) / 1000)) * 1000
      : retryDelayMs(notNow++, waiting.hintMs);
    const due = Date.now() + delay;
    notBefore = due;
    lastWait = waiting.kind;
    // The countdown is not read out every second (aria-live off); the sentence around it is, once.
    const seconds = h('span', { id: 'retry-in', 'aria-live': 'off' }, String(Math.round(delay / 1000)));
    title = h(
      'span',
      {},
      waiting.kind === 'busy' ? 'The service is busy; retrying in ' : 'The service cannot be reached; retrying in ',
      seconds,
      ' s',
    );
    detail = `${kept}, as soon as the service takes it.`;
    retryTimer = window.setTimeout(() => void sendWaiting(), delay);
    countdownTimer = window.setInterval(() => {
      seconds.textContent = String(Math.max(0, Math.ceil((due - Date.now()) / 1000)));
    }, 1000);
  }
  const note = ' The form is empty for the next referral.';
  if (alsoSent) {
    // What was sent stays on screen; the one still waiting is said below it.
    result.append(h('p', { id: 'send-status', class: 'panel warn' }, title, '. ', detail, note));
    return;
  }
  announce('');
  showPanel('warn', focus, h('h2', { id: 'result-title' }, title), h('p', { id: 'send-status' }, detail, note));
  result.dataset.state = waiting.kind;
}

let queue: Promise<void> = Promise.resolve();
/** Sends what waits on this device for the signed-in officer, one run at a time, oldest first. */
function sendWaiting(byOfficer = false): Promise<void> {
  const run = queue.then(() => flush(byOfficer));
  queue = run.catch(() => undefined);
  return run;
}

async function flush(byOfficer: boolean): Promise<void> {
  stopRetrying();
  const sent: Array<{ entry: outbox.OutboxEntry; res: Recorded }> = [];
  let waiting: Waiting | undefined;
  let formEmptied = false;
  let signedOut = false;
  try {
    for (const entry of await outbox.entriesOf(me.id)) {
      if (entry.refusal) continue;
      if (Date.now() + 50 < notBefore) {
        waiting ??= { entry, kind: lastWait, resumeAt: notBefore };
        break;
      }
      const outcome = await attempt(entry);
      const form = formHolding(entry.id);
      if (outcome.kind === 'recorded') {
        notNow = 0;
        await outbox.remove(entry.id);
        sent.push({ entry, res: outcome.res });
        if (form) (startNewFill(form), (formEmptied = true));
      } else if (outcome.kind === 'refused') {
        notNow = 0;
        if (form) {
          // The fill is still on the screen: the officer corrects it there (same submission id).
          await outbox.remove(entry.id);
          showRefusal(
            form,
            document.getElementById(form === arrestForm ? 'arrest-errors' : 'social-errors')!,
            outcome.res,
          );
        } else {
          await outbox.save(me.id, { ...entry, refusal: errorMessage(outcome.res) });
          announce(`A saved referral for ${personOf(entry.body)} was refused: ${errorMessage(outcome.res)}`);
        }
      } else if (outcome.kind === 'signed-out') {
        signedOut = true;
        break;
      } else {
        const hintMs = outcome.kind === 'busy' && outcome.res.headers ? serverWaitMs(outcome.res.headers) : undefined;
        waiting ??= { entry, kind: outcome.kind, hintMs };
        // A rate limit or an unavailable service holds for every referral; one that failed alone does not.
        if (outcome.kind !== 'busy' || outcome.stop) break;
      }
    }
    // What waits is safe on the device: a form still holding it is free for the next person.
    const stillWaiting = (await outbox.entriesOf(me.id)).filter((e) => !e.refusal);
    for (const entry of stillWaiting) {
      const form = formHolding(entry.id);
      if (form) (startNewFill(form), (formEmptied = true));
    }
    if (sent.length) showSent(sent, byOfficer, formEmptied);
    if (signedOut) askToSignInAgain(byOfficer);
    else if (waiting) showWaiting(waiting, stillWaiting.length, byOfficer && !sent.length, sent.length > 0);
  } finally {
    await renderOutbox();
  }
}

/** Submits a fill (a referral, or a booking instead): saved on the device first, then sent with the rest. */
async function send(
  form: HTMLFormElement,
  url: string,
  body: ArrestFill | SocialFill,
  schema: z.ZodType,
  summaryId: string,
  groups: string[],
): Promise<void> {
  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>('#arrest-submit, #arrest-book, #social-submit'));
  const button =
    url === BOOKINGS_URL ? buttons.find((b) => b.id === 'arrest-book')! : buttons.find((b) => b.type === 'submit')!;
  if (buttons.some((b) => b.disabled)) return;
  const summary = document.getElementById(summaryId)!;
  const now = Date.now();
  const full = stamped(form, body, now);
  const parsed = schema.safeParse(withEmptyGroups(full, groups), { reportInput: true });
  if (!parsed.success) return showErrors(form, summary, problemsOf(parsed.error.issues));
  clearErrors(form, summary);
  const entry: outbox.OutboxEntry = {
    id: full.submissionId,
    url,
    body: { ...full, submissionId: full.submissionId },
    savedAt: new Date(now).toISOString(),
    expiresAt: new Date(Date.parse(full.referredAt) + config.durations.maxReferralBackdate).toISOString(),
  };
  const label = button.textContent;
  buttons.forEach((b) => (b.disabled = true));
  button.textContent = 'Sending…';
  try {
    // Kept on the device first: a reload, a lost answer or a dead battery cannot lose it, and the same
    // submission id makes any resend the same referral.
    await outbox.save(me.id, entry);
    await sendWaiting(true);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    button.textContent = label;
  }
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
  // Typed as the whole configuration, of which the form reads only what /api/form-config answers.
  config =
    (res?.status === 200 ? (res.body as unknown as LeadConfig) : undefined) ??
    (JSON.parse(localStorage.getItem('lead-form-config') ?? 'null') as LeadConfig);
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
    void send(arrestForm, ARREST_URL, arrestBody(arrestForm), arrestDiversionSchema(config), 'arrest-errors', [
      'officer',
      'person',
      'incident',
      'offenses',
    ]);
  });
  document.getElementById('arrest-book')!.addEventListener('click', () => askToBook(arrestForm));
  const dialog = document.getElementById('book-confirm') as HTMLDialogElement;
  document.getElementById('book-confirm-yes')!.addEventListener('click', () => dialog.close('book'));
  document.getElementById('book-cancel')!.addEventListener('click', () => dialog.close(''));
  dialog.addEventListener('close', onBookDialogClosed);
  socialForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(socialForm, SOCIAL_URL, socialBody(socialForm), socialContactSchema(config), 'social-errors', [
      'source',
      'person',
      'verification',
    ]);
  });
  window.addEventListener('online', () => {
    notNow = notBefore = 0;
    void sendWaiting();
  });
  prefillOfficer(arrestForm);
  prefillOfficer(socialForm);
  syncConditionalFields();
  await expireOld();
  await sendWaiting();
  arrestForm.dataset.ready = 'true';
}

void main();
