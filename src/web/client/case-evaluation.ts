import { GENDERS, HOUSING_STATUSES, IIP_MILESTONES } from '../../evaluation/demographics';
import { allows } from '../../contract/permissions';
import { raceEthnicityLabel } from '../../shared/race-ethnicity';
import type { AnswerBody } from '../../api/contract/api-answers';
import { api, errorMessage, refusalOf, type ApiResult } from './api';
import { announce, h, humanize, when, whenDone } from './dom';
import type { SessionUser } from './session';

/**
 * R-EVAL on the case page: what the participant says of themselves (self-reported demographics) and the
 * IIP milestones they reached — both case-management record (R-ROI), shown to its readers, entered by
 * case managers (POST /api/cases/:caseId/demographics and /milestones). Milestones are a participant's
 * progress: offered once the person was enrolled. After a recording the case is read again and redrawn.
 */
const GENDER_LABELS: Record<string, string> = {
  WOMAN: 'Woman',
  MAN: 'Man',
  NON_BINARY: 'Non-binary',
  ANOTHER_GENDER: 'Another gender',
  DECLINED: 'Declined to answer',
};
const HOUSING_LABELS: Record<string, string> = {
  HOUSED: 'Housed',
  SHELTERED: 'In a shelter',
  UNSHELTERED: 'Unsheltered',
  TRANSITIONAL: 'Transitional housing',
  DECLINED: 'Declined to answer',
};
const MILESTONE_LABELS: Record<string, string> = {
  HOUSED: 'Housed',
  INCOME_OR_BENEFITS: 'Income or benefits',
  TREATMENT_STARTED: 'Treatment started',
  EMPLOYED: 'Employed',
};
export const milestoneLabel = (code: string) => MILESTONE_LABELS[code] ?? humanize(code);

let categories: Promise<string[]> | undefined;
/** The jurisdiction's race/ethnicity categories (GET /api/form-config). */
const categoriesOf = () =>
  (categories ??= api('GET', '/api/form-config').then((res) =>
    res.status === 200 ? res.body.evaluation.raceEthnicityCategories : [],
  ));

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type CaseBody = AnswerBody<'GET', `/api/cases/${string}`>;
type FullRecord = Extract<CaseBody['caseManagement'], { level: 'FULL' }>;

function recordedDemographics(d: FullRecord['demographics']): HTMLElement {
  if (!d) return h('p', { id: 'demographics-none', class: 'hint' }, 'Not recorded yet.');
  const race =
    d.raceEthnicity.answer === 'ANSWERED'
      ? d.raceEthnicity.categories.map(raceEthnicityLabel).join(', ')
      : d.raceEthnicity.answer === 'DECLINED'
        ? 'Declined to answer'
        : 'Not asked';
  const row = (label: string, value: string) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
  return h(
    'table',
    { class: 'record', id: 'demographics' },
    h(
      'tbody',
      {},
      row('Race/ethnicity', race),
      row('Gender', d.gender ? (GENDER_LABELS[d.gender] ?? humanize(d.gender)) : 'Not asked'),
      row('Preferred language', d.preferredLanguage ?? 'Not asked'),
      row(
        'Housing at referral',
        d.housingAtReferral ? (HOUSING_LABELS[d.housingAtReferral] ?? humanize(d.housingAtReferral)) : 'Not asked',
      ),
      row('Recorded', `${when(d.recordedAt)} by ${d.recordedBy}`),
    ),
  );
}

/** A form's refusal, said in its own alert, the refused fields marked. */
function showRefusal(
  form: HTMLFormElement,
  res: ApiResult,
  labels: Record<string, string>,
  fields: string[] = (refusalOf(res.body)?.fields ?? []).map((f) => f.field),
): void {
  form.querySelector('.form-error')?.remove();
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const id = `${form.id}-error`;
  const message = h(
    'p',
    { class: 'panel bad form-error', role: 'alert', id },
    errorMessage(res, (f) => labels[f]),
  );
  form.prepend(message);
  const refused = fields
    .map((field) => form.querySelector<HTMLElement>(`[data-field="${field}"]`))
    .filter((el): el is HTMLElement => el !== null);
  refused.forEach((el) => {
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', id);
  });
  (refused[0]?.querySelector<HTMLElement>('input, select') ?? refused[0] ?? message).focus();
}

function demographicsForm(caseId: string, options: string[], done: (message: string) => Promise<void>) {
  const labels: Record<string, string> = {
    'raceEthnicity.answer': 'Race/ethnicity',
    'raceEthnicity.categories': 'Race/ethnicity',
    gender: 'Gender',
    preferredLanguage: 'Preferred language',
    housingAtReferral: 'Housing at referral',
  };
  const answers = h(
    'div',
    { id: 'd-categories', 'data-field': 'raceEthnicity.categories' },
    options.map((c) =>
      h(
        'label',
        { class: 'inline' },
        h('input', { type: 'checkbox', name: 'raceEthnicity.categories', value: c }),
        raceEthnicityLabel(c),
      ),
    ),
  );
  const select = (name: string, label: string, values: readonly string[], names: Record<string, string>) =>
    h(
      'div',
      {},
      h('label', { for: `d-${name}` }, label, ' ', h('span', { class: 'hint' }, '(optional)')),
      h(
        'select',
        { id: `d-${name}`, name, 'data-field': name },
        h('option', { value: '' }, 'Not asked'),
        values.map((v) => h('option', { value: v }, names[v] ?? humanize(v))),
      ),
    );
  const form = h(
    'form',
    { id: 'demographics-form', novalidate: true },
    h(
      'fieldset',
      { 'data-field': 'raceEthnicity.answer' },
      h('legend', {}, 'Race/ethnicity, in the participant’s words (several may apply)'),
      ['ANSWERED', 'DECLINED', 'NOT_ASKED'].map((answer) =>
        h(
          'label',
          { class: 'inline' },
          h('input', { type: 'radio', name: 'raceEthnicity.answer', value: answer, checked: answer === 'ANSWERED' }),
          answer === 'ANSWERED' ? 'They answered:' : answer === 'DECLINED' ? 'They declined to answer' : 'Not asked',
        ),
      ),
      answers,
    ),
    select('gender', 'Gender', GENDERS, GENDER_LABELS),
    h(
      'div',
      {},
      h('label', { for: 'd-preferredLanguage' }, 'Preferred language ', h('span', { class: 'hint' }, '(optional)')),
      h('p', { class: 'hint', id: 'd-preferredLanguage-hint' }, 'A language tag: en, es, so, vi, zh-Hant …'),
      h('input', {
        id: 'd-preferredLanguage',
        name: 'preferredLanguage',
        'data-field': 'preferredLanguage',
        autocomplete: 'off',
        'aria-describedby': 'd-preferredLanguage-hint',
      }),
    ),
    select('housingAtReferral', 'Housing at referral', HOUSING_STATUSES, HOUSING_LABELS),
    h('p', {}, h('button', { type: 'submit' }, 'Record demographics')),
  );
  const answer = () => (form.querySelector('input[name="raceEthnicity.answer"]:checked') as HTMLInputElement).value;
  // Categories belong to an answer: declined and not asked have none.
  const sync = () => {
    answers.hidden = answer() !== 'ANSWERED';
  };
  form.addEventListener('change', sync);
  form.addEventListener(
    'submit',
    whenDone(async (e: SubmitEvent) => {
      e.preventDefault();
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      const chosen = Array.from(form.querySelectorAll<HTMLInputElement>('#d-categories input:checked')).map(
        (i) => i.value,
      );
      const body = {
        raceEthnicity: answer() === 'ANSWERED' ? { answer: 'ANSWERED', categories: chosen } : { answer: answer() },
        ...Object.fromEntries(
          ['gender', 'preferredLanguage', 'housingAtReferral'].filter((n) => value(n)).map((n) => [n, value(n)]),
        ),
      };
      if (answer() === 'ANSWERED' && chosen.length === 0)
        return showRefusal(
          form,
          {
            status: 400,
            body: {
              error: {
                code: 'VALIDATION_FAILED',
                message: 'Tick at least one category, or choose “They declined to answer” or “Not asked”.',
                fields: [],
              },
            },
          },
          labels,
          ['raceEthnicity.categories'],
        );
      const res = await api('POST', `/api/cases/${encodeURIComponent(caseId)}/demographics`, body);
      if (res.status === 201) await done('Demographics recorded.');
      else showRefusal(form, res, labels);
    }),
  );
  return form;
}

function milestoneForm(caseId: string, done: (message: string) => Promise<void>) {
  const form = h(
    'form',
    { id: 'milestone-form', novalidate: true },
    h('label', { for: 'm-milestone' }, 'Milestone'),
    h(
      'select',
      { id: 'm-milestone', name: 'milestone', required: true, 'data-field': 'milestone' },
      h('option', { value: '' }, 'Choose…'),
      IIP_MILESTONES.map((m) => h('option', { value: m }, milestoneLabel(m))),
    ),
    h('label', { for: 'm-reachedOn' }, 'Reached on'),
    h('input', {
      id: 'm-reachedOn',
      name: 'reachedOn',
      type: 'date',
      required: true,
      max: today(),
      'data-field': 'reachedOn',
    }),
    h('p', {}, h('button', { type: 'submit' }, 'Record milestone')),
  );
  form.addEventListener(
    'submit',
    whenDone(async (e: SubmitEvent) => {
      e.preventDefault();
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
      const body = Object.fromEntries(['milestone', 'reachedOn'].filter(value).map((n) => [n, value(n)]));
      const res = await api('POST', `/api/cases/${encodeURIComponent(caseId)}/milestones`, body);
      const what = `${milestoneLabel(value('milestone'))} on ${value('reachedOn')}`;
      if (res.status === 201) await done(`Milestone recorded: ${what}.`);
      else if (res.status === 200) await done(`${what} was recorded before: nothing changed.`);
      else showRefusal(form, res, { milestone: 'Milestone', reachedOn: 'Reached on' });
    }),
  );
  return form;
}

/**
 * The case page's evaluation section for readers of the whole case-management record, with the forms its
 * role may use. `redraw` draws the case again from a fresh read after something was recorded.
 */
export function evaluationSection(
  body: CaseBody,
  me: SessionUser | undefined,
  redraw: (body: CaseBody) => void,
): HTMLElement | null {
  const cm = body.caseManagement;
  if (!cm || cm.level !== 'FULL' || !me) return null;
  const caseId: string = body.case.referralId;
  const done = async (message: string) => {
    const res = await api('GET', `/api/cases/${encodeURIComponent(caseId)}`);
    if (res.status === 200) redraw(res.body);
    announce(message);
  };
  const fold = (id: string, summary: string, content: HTMLElement) =>
    h('details', { class: 'fold', id }, h('summary', {}, summary), content);
  const section = h(
    'section',
    { id: 'evaluation-record', 'aria-labelledby': 'evaluation-record-title' },
    h('h2', { id: 'evaluation-record-title' }, 'For the evaluation (R-EVAL)'),
    h(
      'p',
      { class: 'hint' },
      'Case-management record: evaluators see only de-identified counts. Each answer is optional, and “declined” is not “not asked”.',
    ),
    h('h3', {}, 'Demographics, as the participant reports them'),
    recordedDemographics(cm.demographics),
    h('h3', {}, 'Milestones reached'),
    cm.milestones.length
      ? h(
          'ul',
          { id: 'milestones-reached' },
          cm.milestones.map((m) =>
            h('li', { 'data-milestone': m.milestone }, `${milestoneLabel(m.milestone)} — ${m.reachedOn}`),
          ),
        )
      : h('p', { class: 'hint', id: 'milestones-none' }, 'None recorded.'),
  );
  if (allows(me.role, 'demographics.record')) {
    const slot = h('div', {}, h('p', { class: 'hint' }, 'Loading the categories…'));
    section.append(fold('record-demographics', 'Record demographics (ask the participant)', slot));
    void categoriesOf()
      .then((options) => slot.replaceChildren(demographicsForm(caseId, options, done)))
      .catch(() =>
        slot.replaceChildren(h('p', { class: 'panel bad' }, 'The categories could not be loaded: reload the page.')),
      );
  }
  if (allows(me.role, 'milestone.record'))
    section.append(
      body.case.enrolled
        ? fold('record-milestone', 'Record a milestone (R-IIP)', milestoneForm(caseId, done))
        : h('p', { class: 'hint', id: 'milestone-not-yet' }, 'Milestones can be recorded once the person is enrolled.'),
    );
  return section;
}
