import type { LeadConfig } from '../../config/config-schema';
import { assessEligibility, type EligibilityResult } from '../../eligibility/eligibility';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { eligibilityFactsOf } from '../../referrals/eligibility-facts';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { api, errorMessage, OfflineError, type ApiResult } from './api';
import { announce, h, replaceChildren, when } from './dom';
import { clearErrors, readForm, showErrors } from './form-data';
import { enqueue, flush, outbox, type OutboxItem } from './outbox';
import { requireSession } from './session';

/**
 * The referral form: validated with the API's own zod schemas, eligibility shown as the officer types
 * (the same engine the API runs), and kept on the device when there is no connection.
 */
const arrestForm = document.getElementById('arrest-form') as HTMLFormElement;
const socialForm = document.getElementById('social-form') as HTMLFormElement;
const result = document.getElementById('result')!;
let config: LeadConfig;

const uuid = () => crypto.randomUUID();
/** One submission id per filled-in form, kept across retries and offline waits (idempotent). */
const submissionIds = new WeakMap<HTMLFormElement, string>();
const submissionIdOf = (form: HTMLFormElement) => submissionIds.get(form) ?? (submissionIds.set(form, uuid()), submissionIds.get(form)!);

function arrestBody(form: HTMLFormElement): Record<string, any> {
  const body = readForm(form, (name) => name.startsWith('orders.') || name === 'warrants');
  const orders = readForm(form, (name) => !name.startsWith('orders.')).orders ?? {};
  body.protectiveOrders = orders.protects ? [{ type: orders.type ?? 'NO_CONTACT', protectsCurrentParticipant: true }] : [];
  const warrants = readForm(form, (name) => name !== 'warrants').warrants ?? [];
  body.warrants = warrants.map((kind: string) => ({ kind }));
  body.history = { convictions: body.history?.convictions ?? [] };
  if (!body.victim?.identifiable && !body.victim?.consulted) body.victim = { identifiable: false };
  body.submissionId = submissionIdOf(form);
  return body;
}

function socialBody(form: HTMLFormElement): Record<string, any> {
  const body = readForm(form, (name) => name.startsWith('orders.'));
  const orders = readForm(form, (name) => !name.startsWith('orders.')).orders ?? {};
  body.protectiveOrders = orders.protects ? [{ type: orders.type ?? 'NO_CONTACT', protectsCurrentParticipant: true }] : [];
  body.submissionId = submissionIdOf(form);
  return body;
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

function renderEligibility(verdict: EligibilityResult | undefined, priors: Array<{ caseId: string; type: string; stage: string }> = []): void {
  const panel = document.getElementById('eligibility')!;
  const out = document.getElementById('eligibility-body')!;
  panel.className = `panel ${verdict ? (verdict.eligible ? 'ok' : 'bad') : ''}`;
  if (!verdict) {
    out.replaceChildren('Enter the date of birth and the offense to see whether the person is eligible.');
    return;
  }
  replaceChildren(
    'eligibility-body',
    h('p', {}, h('strong', {}, verdict.eligible ? 'Eligible for diversion.' : 'Not eligible on this charge:')),
    verdict.reasons.length ? h('ul', { id: 'eligibility-reasons' }, verdict.reasons.map((r) => h('li', { 'data-rule': r.ruleId }, r.message))) : null,
    verdict.notes.length ? h('ul', {}, verdict.notes.map((n) => h('li', {}, n.message))) : null,
    priors.length ? h('p', {}, `Earlier referrals of this person (R-EL-PRIOR): ${priors.map((p) => `${p.caseId} (${p.stage.toLowerCase().replace(/_/g, ' ')})`).join(', ')}`) : null,
  );
  (document.getElementById('override') as HTMLElement).hidden = verdict.eligible;
}

let priorsTimer: number | undefined;
function updateEligibility(): void {
  const parsed = arrestDiversionSchema(config).safeParse(probe(arrestBody(arrestForm)));
  if (!parsed.success) return renderEligibility(undefined);
  const verdict = assessEligibility(eligibilityFactsOf(config, parsed.data, new Date()));
  renderEligibility(verdict);
  window.clearTimeout(priorsTimer);
  if (!navigator.onLine || !arrestBody(arrestForm).person?.familyName) return;
  priorsTimer = window.setTimeout(async () => {
    const res = await api('POST', '/api/referrals/arrest-diversions/eligibility', probe(arrestBody(arrestForm))).catch(() => undefined);
    if (res?.status === 200) renderEligibility(verdict, res.body.priorReferrals);
  }, 400);
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
  const source = (socialForm.elements.namedItem('source.type') as HTMLSelectElement).value;
  (document.getElementById('s-vouchedBy') as HTMLElement).hidden = source !== 'COMMUNITY';
}

// --- submitting ---------------------------------------------------------------------------------

function showCase(res: ApiResult, offline = false): void {
  const { caseId, case: view, nextSteps } = res.body;
  replaceChildren(
    'result',
    h('h2', { id: 'result-title' }, offline ? 'Sent: the saved referral reached the service' : res.status === 201 ? 'Referral recorded' : 'This referral was already recorded'),
    h('p', {}, 'Case id: ', h('strong', { id: 'case-id' }, caseId)),
    view ? h('p', {}, `Stage: ${String(view.stage).replace(/_/g, ' ').toLowerCase()}`) : null,
    view?.deadlines?.length ? h('ul', { id: 'deadlines' }, view.deadlines.map((d: any) => h('li', {}, `${d.name} — ${when(d.dueAt)} (${d.ruleId})`))) : null,
    h('h3', {}, 'What happens next'),
    h('ul', {}, (nextSteps as string[]).map((s) => h('li', {}, s))),
    h('p', {}, h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, 'Open the case')),
  );
  result.className = 'panel ok';
  result.hidden = false;
  result.focus();
}

function showRefusal(form: HTMLFormElement, summary: HTMLElement, res: ApiResult): void {
  const error = res.body?.error ?? {};
  if (error.fields?.length) {
    showErrors(form, summary, error.fields.map((f: { field: string; message: string }) => ({ path: f.field.split('.'), message: f.message })));
    return;
  }
  if (error.code === 'INELIGIBLE') {
    renderEligibility(error.eligibility, error.priorReferrals);
    const override = document.getElementById('override') as HTMLElement;
    override.hidden = false;
    showErrors(form, summary, [{ path: ['overrideRequest', 'reason'], message: 'The person is not eligible. If you booked them, give the sergeant a reason to override (R-EL-OVERRIDE).' }]);
    return;
  }
  showErrors(form, summary, [{ path: [], message: errorMessage(res) }]);
}

async function submit(form: HTMLFormElement, url: string, body: Record<string, any>, schema: { safeParse(v: unknown): any }, summaryId: string): Promise<void> {
  const summary = document.getElementById(summaryId)!;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return showErrors(form, summary, parsed.error.issues);
  clearErrors(form, summary);
  const item: OutboxItem = { url, body: { ...body, submissionId: body.submissionId as string, referredAt: body.referredAt ?? new Date().toISOString() }, savedAt: new Date().toISOString() };
  if (!navigator.onLine) return keepOffline(item);
  try {
    const res = await api('POST', url, item.body);
    if (res.status === 200 || res.status === 201) {
      submissionIds.delete(form);
      return showCase(res);
    }
    if (res.status >= 500) return keepOffline(item);
    showRefusal(form, summary, res);
  } catch (err) {
    if (err instanceof OfflineError) return keepOffline(item);
    throw err;
  }
}

function keepOffline(item: OutboxItem): void {
  enqueue(item);
  result.replaceChildren(
    h('h2', { id: 'result-title' }, 'Saved on this device'),
    h('p', {}, `No connection. The referral is kept here and will be sent once when the connection returns (${outbox().length} waiting).`),
  );
  result.className = 'panel warn';
  result.hidden = false;
  result.focus();
  announce('No connection: the referral is saved on this device and will be sent automatically.');
}

let retryTimer: number | undefined;
/** Sends saved referrals; while some still wait (the connection may come back slowly), tries again. */
function sendWaiting(): void {
  window.clearTimeout(retryTimer);
  void flush((_item, res) => {
    if (res.status === 200 || res.status === 201) showCase(res, true);
    else announce(`A saved referral was refused: ${errorMessage(res)}`);
  }).then(() => {
    if (outbox().length > 0) retryTimer = window.setTimeout(sendWaiting, navigator.onLine ? 2000 : 30_000);
  });
}

// --- wiring -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/form-config').catch(() => undefined);
  config = res?.body ?? JSON.parse(localStorage.getItem('lead-form-config') ?? 'null');
  if (!config) {
    announce('The form needs a connection the first time it is opened.');
    return;
  }
  localStorage.setItem('lead-form-config', JSON.stringify(config));

  document.querySelectorAll<HTMLInputElement>('input[name="referral-type"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      const type = document.querySelector<HTMLInputElement>('input[name="referral-type"]:checked')?.value;
      arrestForm.hidden = type !== 'ARREST_DIVERSION';
      socialForm.hidden = type !== 'SOCIAL_CONTACT';
    }),
  );
  document.getElementById('add-offense')!.addEventListener('click', () => (addRow('tpl-offense', 'offense-rows'), syncConditionalFields()));
  document.getElementById('add-conviction')!.addEventListener('click', () => (addRow('tpl-conviction', 'conviction-rows'), updateEligibility()));
  arrestForm.addEventListener('input', () => (syncConditionalFields(), updateEligibility()));
  arrestForm.addEventListener('change', () => (syncConditionalFields(), updateEligibility()));
  socialForm.addEventListener('change', syncConditionalFields);
  arrestForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(arrestForm, '/api/referrals/arrest-diversions', arrestBody(arrestForm), arrestDiversionSchema(config), 'arrest-errors');
  });
  socialForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(socialForm, '/api/referrals/social-contacts', socialBody(socialForm), socialContactSchema(config), 'social-errors');
  });
  window.addEventListener('online', sendWaiting);
  syncConditionalFields();
  sendWaiting();
  arrestForm.dataset.ready = 'true';
}

void main();
