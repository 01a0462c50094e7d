import type { LeadConfig } from '../config/config-schema';
import {
  CONVICTION_CODES,
  CONVICTION_LABELS,
  DRUG_ACTIVITIES,
  DRUG_SUBSTANCES,
  PROTECTIVE_ORDER_TYPES,
} from '../eligibility/history-codes';
import { OFFENSE_LEVELS } from '../shared/case-vocabulary';
import { raceEthnicityLabel } from '../shared/race-ethnicity';
import { html, type Raw } from './html';

/**
 * The referral forms, rendered by the server so every control has its label, hint and error slot
 * before any script runs. Field names are the API's JSON paths; ids are `f-` + the path with dashes,
 * which is how the error summary links to them.
 */

/** Ids are unique per page: the arrest form's start with `f-`, the social-contact form's with `s-`. */
let prefix = 'f';
const idOf = (name: string) => `${prefix}-${name.replace(/\./g, '-')}`;
const slots = (name: string, hint?: string) =>
  html`${hint ? html`<p class="hint" id="${idOf(name)}-hint">${hint}</p>` : ''}
    <p class="error-text" id="${idOf(name)}-error" hidden></p>`;
const describedBy = (name: string, hint?: string) => `${hint ? `${idOf(name)}-hint ` : ''}${idOf(name)}-error`;

export function input(
  name: string,
  label: string,
  opts: {
    type?: string;
    hint?: string;
    required?: boolean;
    autocomplete?: string;
    step?: string;
    inputmode?: string;
  } = {},
): Raw {
  return html`<label for="${idOf(name)}"
      >${label}${opts.required ? '' : html` <span class="hint">(optional)</span>`}</label
    >${slots(name, opts.hint)}
    <input
      id="${idOf(name)}"
      name="${name}"
      type="${opts.type ?? 'text'}"
      ${opts.required ? html`required aria-required="true"` : ''}
      ${opts.autocomplete ? html`autocomplete="${opts.autocomplete}"` : ''}
      ${opts.step ? html`step="${opts.step}"` : ''}
      ${opts.inputmode ? html`inputmode="${opts.inputmode}"` : ''}
      aria-describedby="${describedBy(name, opts.hint)}"
    />`;
}

export function select(
  name: string,
  label: string,
  options: Array<[string, string]>,
  opts: { hint?: string; required?: boolean; blank?: string } = {},
): Raw {
  return html`<label for="${idOf(name)}"
      >${label}${opts.required ? '' : html` <span class="hint">(optional)</span>`}</label
    >${slots(name, opts.hint)}
    <select
      id="${idOf(name)}"
      name="${name}"
      ${opts.required ? html`required aria-required="true"` : ''}
      aria-describedby="${describedBy(name, opts.hint)}"
    >
      ${opts.blank !== undefined ? html`<option value="">${opts.blank}</option>` : ''}${options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}
    </select>`;
}

export function textarea(name: string, label: string, hint?: string): Raw {
  return html`<label for="${idOf(name)}">${label} <span class="hint">(optional)</span></label
    >${slots(name, hint)}
    <textarea id="${idOf(name)}" name="${name}" rows="3" aria-describedby="${describedBy(name, hint)}"></textarea>`;
}

export function checkbox(
  name: string,
  label: string,
  opts: { checked?: boolean; value?: string; bool?: boolean } = {},
): Raw {
  const id = opts.value ? `${idOf(name)}-${opts.value}` : idOf(name);
  return html`<label class="inline" for="${id}"
    ><input
      type="checkbox"
      id="${id}"
      name="${name}"
      ${opts.value ? html`value="${opts.value}"` : ''}
      ${opts.bool ? html`data-bool` : ''}
      ${opts.checked ? html`checked` : ''}
    />
    ${label}</label
  >`;
}

export function yesNo(name: string, legend: string, hint?: string): Raw {
  return html`<fieldset id="${idOf(name)}" aria-describedby="${describedBy(name, hint)}">
    <legend>${legend}</legend>
    ${slots(name, hint)}
    <label class="inline"><input type="radio" name="${name}" value="true" data-bool /> Yes</label>
    <label class="inline"><input type="radio" name="${name}" value="false" data-bool /> No</label>
  </fieldset>`;
}

const agencyOptions = (config: LeadConfig): Array<[string, string]> =>
  Object.entries(config.agencies).map(([code, a]) => [code, a.name]);

function personFields(prefix: string): Raw {
  return html`<fieldset>
    <legend>The person</legend>
    <div class="row">
      <div>${input(`${prefix}.givenName`, 'Given name', { required: true, autocomplete: 'off' })}</div>
      <div>${input(`${prefix}.familyName`, 'Family name', { required: true, autocomplete: 'off' })}</div>
    </div>
    <div class="row">
      <div>${input(`${prefix}.dateOfBirth`, 'Date of birth', { type: 'date', required: true })}</div>
      <div>
        ${input(`${prefix}.stateId`, 'State ID (SID)', { hint: 'Helps find earlier referrals of the same person (R-EL-PRIOR)' })}
      </div>
    </div>
  </fieldset>`;
}

/**
 * R-EVAL: the officer's perception of the person's race/ethnicity — police data, asked only where the
 * chosen agency records it (`recordsPerceivedRace`; the page shows the group for those agencies only).
 */
function perceivedRaceFields(config: LeadConfig): Raw {
  if (!Object.values(config.agencies).some((a) => a.recordsPerceivedRace)) return html``;
  const hint =
    'Your agency records it for the evaluation of racial disparity (R-EVAL). Your perception, as police data — never what the person says of themselves.';
  return html`<fieldset id="${idOf('perceivedRace')}" aria-describedby="${describedBy('perceivedRace', hint)}" hidden>
    <legend>
      How you perceive the person’s race/ethnicity <span class="hint">(optional; several may apply)</span>
    </legend>
    ${slots('perceivedRace', hint)}
    ${config.evaluation.raceEthnicityCategories.map((code) =>
      checkbox('perceivedRace', raceEthnicityLabel(code), { value: code }),
    )}
  </fieldset>`;
}

function offenseRow(config: LeadConfig, i: string): Raw {
  const offenses = Object.entries(config.offenses).map(([code, o]): [string, string] => [
    code,
    o.eligible ? o.label : `${o.label} — not diverted by LEAD`,
  ]);
  return html`<fieldset class="offense" data-index="${i}">
    <legend>Offense ${i === '__i__' ? '' : Number(i) + 1}</legend>
    ${select(`offenses.${i}.code`, 'Offense', offenses, { required: true, blank: 'Choose the offense', hint: 'R-EL-OFFENSE: an offense LEAD does not divert can still be referred after booking, by an override' })}
    ${select(
      `offenses.${i}.level`,
      'Charged as',
      OFFENSE_LEVELS.map((l) => [l, l.replace('_', ' ').toLowerCase()]),
      {
        blank: 'Usual level',
        hint: 'R-EL-OFFENSE: only where the offense may be charged at more than one level (VUCSA felony or misdemeanor); at a level the catalogue does not list, it is not eligible',
      },
    )}
    <fieldset class="drug" id="${idOf(`offenses.${i}.drug`)}" hidden>
      <legend>Drugs (R-EX-DRUG-AMOUNT)</legend>
      <p class="error-text" id="${idOf(`offenses.${i}.drug`)}-error" hidden></p>
      ${select(
        `offenses.${i}.drug.substance`,
        'Substance',
        DRUG_SUBSTANCES.map((s) => [s, s.replace('_', ' ').toLowerCase()]),
        { blank: 'Choose' },
      )}
      ${input(`offenses.${i}.drug.grams`, 'Amount in grams', { type: 'number', step: '0.1', inputmode: 'decimal' })}
      ${select(
        `offenses.${i}.drug.activity`,
        'Activity',
        DRUG_ACTIVITIES.map((a) => [a, a === 'PWI' ? 'possession with intent to deliver' : a.toLowerCase()]),
        { blank: 'Choose' },
      )}
    </fieldset>
  </fieldset>`;
}

function convictionRow(i: string): Raw {
  return html`<fieldset class="conviction" data-index="${i}">
    <legend>Conviction</legend>
    ${select(
      `history.convictions.${i}.code`,
      'Offense convicted of',
      CONVICTION_CODES.map((c) => [c, CONVICTION_LABELS[c]]),
      { required: true, blank: 'Choose' },
    )}
    ${input(`history.convictions.${i}.date`, 'Conviction date', { type: 'date', required: true })}
    ${checkbox(`history.convictions.${i}.attempted`, 'It was an attempt', { bool: true })}
    <button type="button" class="secondary remove-row">Remove this conviction</button>
  </fieldset>`;
}

/** A section most referrals leave empty: folded, its summary saying so (fewer phone screens). */
function folded(id: string, summary: string, body: Raw): Raw {
  return html`<details class="fold" id="${id}">
    <summary>${summary}</summary>
    ${body}
  </details>`;
}

function orderRow(i: string): Raw {
  const p = `protectiveOrders.${i}`;
  return html`<fieldset class="order" data-index="${i}">
    <legend>Protective order</legend>
    ${select(
      `${p}.type`,
      'Order type',
      PROTECTIVE_ORDER_TYPES.map((t) => [t, t.replace(/_/g, ' ').toLowerCase()]),
      { required: true, blank: 'Choose' },
    )}
    <fieldset id="${idOf(`${p}.protectedPerson`)}">
      <legend>Whom it protects, as written on the order</legend>
      <p class="error-text" id="${idOf(`${p}.protectedPerson`)}-error" hidden></p>
      <p class="hint">
        Full name with date of birth, or state id. The service checks whether they are in LEAD today and never says who.
      </p>
      <div class="row">
        <div>${input(`${p}.protectedPerson.givenName`, 'Given name', { autocomplete: 'off' })}</div>
        <div>${input(`${p}.protectedPerson.familyName`, 'Family name', { autocomplete: 'off' })}</div>
      </div>
      <div class="row">
        <div>${input(`${p}.protectedPerson.dateOfBirth`, 'Date of birth', { type: 'date' })}</div>
        <div>${input(`${p}.protectedPerson.stateId`, 'State ID (SID)')}</div>
      </div>
    </fieldset>
    <button type="button" class="secondary remove-row">Remove this order</button>
  </fieldset>`;
}

/** R-EX-ORDER: the officer enters whom each order protects; the service answers whether that is a current participant. */
function ordersFields(): Raw {
  return folded(
    idOf('orders-fold'),
    'Protective orders (R-EX-ORDER) — none unless you add one',
    html`<fieldset>
      <legend>Protective orders (R-EX-ORDER)</legend>
      <p class="hint">
        A no-contact, restraining or anti-harassment order that protects a current LEAD participant excludes the person.
      </p>
      <div id="${idOf('order-rows')}"></div>
      <template id="${idOf('tpl-order')}">${orderRow('__i__')}</template>
      <button
        type="button"
        class="secondary add-order"
        data-rows="${idOf('order-rows')}"
        data-template="${idOf('tpl-order')}"
      >
        Add a protective order
      </button>
    </fieldset>`,
  );
}

export function arrestForm(config: LeadConfig): Raw {
  prefix = 'f';
  return html`<form id="arrest-form" data-prefix="f" novalidate>
    <div id="arrest-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <fieldset>
      <legend>Referring officer</legend>
      ${select('agency', 'Agency', agencyOptions(config), { required: true, blank: 'Choose your agency' })}
      <div class="row">
        <div>${input('officer.id', 'Badge or personnel number', { required: true })}</div>
        <div>${input('officer.name', 'Your name')}</div>
      </div>
    </fieldset>
    ${personFields('person')} ${perceivedRaceFields(config)}
    <fieldset>
      <legend>The incident</legend>
      ${yesNo('incident.withinCityLimits', 'Inside city limits?', 'R-JURISDICTION: misdemeanors in the city go to the city attorney')}
      <div class="row">
        <div>${input('incident.occurredOn', 'Incident date', { type: 'date', hint: 'Default: today' })}</div>
        <div>${input('incident.reportNumber', 'Report number')}</div>
      </div>
      ${textarea('incident.narrative', 'What happened', 'In your words: the case manager, the sergeant and the prosecutor read this')}
    </fieldset>
    <div id="offense-rows">${offenseRow(config, '0')}</div>
    <template id="tpl-offense">${offenseRow(config, '__i__')}</template>
    <button type="button" class="secondary" id="add-offense">Add another offense</button>
    ${folded(
      idOf('history-fold'),
      'Criminal history (R-EX-HISTORY) — none unless you add a conviction',
      html`<fieldset>
        <legend>Criminal history (R-EX-HISTORY)</legend>
        <p class="hint">
          Every conviction for an excluding offense, with its date; anything else as "another offense".
        </p>
        <div id="conviction-rows"></div>
        <template id="tpl-conviction">${convictionRow('__i__')}</template>
        <button type="button" class="secondary" id="add-conviction">Add a conviction</button>
      </fieldset>`,
    )}
    ${ordersFields()}
    ${folded(
      idOf('warrants-fold'),
      'Warrants and DOC (R-EL-WARRANT) — none unless you tick one',
      html`<fieldset>
        <legend>Warrants (R-EL-WARRANT)</legend>
        ${checkbox('warrants', 'A warrant on another charge (book on it; this charge can still be diverted)', { value: 'OTHER_CHARGE' })}
        ${checkbox('warrants', 'A DOC warrant', { value: 'DOC' })}
        ${checkbox('docViolation', 'A DOC violation', { bool: true })}
      </fieldset>`,
    )}
    <fieldset>
      <legend>Your judgment (eligibility is advice; you decide)</legend>
      ${checkbox('judgments.amenable', 'The person appears amenable to diversion (R-EX-AMENABLE)', { bool: true, checked: true })}
      ${checkbox('judgments.dealingForProfit', 'Reason to believe they deal for profit above subsistence (R-EX-PROFIT)', { bool: true })}
      ${checkbox('judgments.exploitsOthers', 'They exploit minors or others in a drug-dealing enterprise (R-EX-EXPLOIT)', { bool: true })}
      ${checkbox('judgments.promotingProstitution', 'Suspected of promoting prostitution (R-EX-PROMOTING)', { bool: true })}
      ${checkbox('judgments.safetyConcern', 'Diversion is inconsistent with immediate victim or community safety (R-EX-SAFETY)', { bool: true })}
    </fieldset>
    <fieldset id="book-instead">
      <legend>Or book instead of diverting (R-EL-NORIGHT)</legend>
      <p class="hint" id="arrest-book-hint">
        Not diverted: the checked referral is recorded as a booking, for the evaluation (R-EVAL). You are asked first.
      </p>
      <button type="button" id="arrest-book" class="secondary" aria-describedby="arrest-book-hint">Book instead</button>
    </fieldset>
    <fieldset>
      <legend>Circumstances</legend>
      ${checkbox('circumstances.needsImmediateMedicalCare', 'Needs immediate treatment, detox or a hospital (R-EL-MEDICAL)', { bool: true })}
      ${checkbox('circumstances.ableToConsent', 'Able to give informed consent now (R-EL-CONSENT-LATER)', { bool: true, checked: true })}
      <div id="consent-later" hidden>
        ${select(
          'circumstances.unableToConsentBecause',
          'If not, why',
          [
            ['INTOXICATED', 'Intoxicated'],
            ['INCAPACITATED', 'Incapacitated'],
            ['TOO_ILL', 'Too ill'],
            ['MENTAL_ILLNESS_IMMEDIATE_RISK', 'An immediate risk to self or others due to mental illness'],
          ],
          {
            blank: 'Able to consent',
            hint: 'R-EL-CONSENT-LATER: the person is still referred; consent is sought later',
          },
        )}
      </div>
      ${checkbox('victim.identifiable', 'There is an identifiable victim (R-VICTIM)', { bool: true })}
      <div id="victim-details" hidden>
        ${checkbox('victim.consulted', 'I consulted the victim (R-EL-VICTIM)', { bool: true })}
        ${select(
          'victim.consultation.outcome',
          'Victim consultation',
          [
            ['CONSULTED', 'Consulted'],
            ['NOT_REACHABLE', 'Not reachable'],
            ['STANDING_AGREEMENT', 'Standing agreement with the business'],
          ],
          { blank: 'No identifiable victim', hint: 'R-EL-VICTIM' },
        )}
        ${input('victim.consultation.by', 'Consulted by', { hint: 'who spoke with the victim' })}
        ${checkbox('victim.informationSheetGiven', 'The victim received the information sheet (R-VICTIM)', { bool: true })}
      </div>
    </fieldset>
    <section id="eligibility" class="panel" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">Eligibility</h2>
      <div id="eligibility-body">
        <p class="hint">Enter the date of birth and the offense to see whether the person is eligible.</p>
      </div>
    </section>
    <fieldset id="override" hidden>
      <legend>Booked: ask the sergeant for an override (R-EL-OVERRIDE)</legend>
      <label for="${idOf('overrideRequest.reason')}">Why should LEAD take this person after booking?</label>
      <p class="error-text" id="${idOf('overrideRequest.reason')}-error" hidden></p>
      <textarea
        id="${idOf('overrideRequest.reason')}"
        name="overrideRequest.reason"
        rows="3"
        aria-describedby="${idOf('overrideRequest.reason')}-error"
      ></textarea>
    </fieldset>
    <div class="submit-bar">
      <p id="eligibility-bar" class="eligibility-bar" aria-live="polite">
        <a href="#eligibility">Eligibility: enter the date of birth and the offense</a>
      </p>
      <button type="submit" id="arrest-submit">Submit referral</button>
    </div>
    <dialog id="book-confirm" aria-labelledby="book-confirm-title" aria-describedby="book-confirm-consequence">
      <h2 id="book-confirm-title">Book this person instead of diverting?</h2>
      <p id="book-confirm-consequence">
        The referral will be recorded as a booking; this cannot be undone for this form.
      </p>
      <div class="actions">
        <button type="button" id="book-cancel" class="secondary" autofocus>Cancel</button>
        <button type="button" id="book-confirm-yes" class="danger">Book</button>
      </div>
    </dialog>
  </form>`;
}

export function socialForm(config: LeadConfig): Raw {
  const areas: Array<[string, string]> = [
    ...Object.entries(config.socialContact.catchmentAreas),
    ['OUTSIDE_CATCHMENT', 'Outside the catchment area'],
  ];
  prefix = 's';
  const group = (name: string) => html`id="${idOf(name)}"`;
  const groupError = (name: string) => html`<p class="error-text" id="${idOf(name)}-error" hidden></p>`;
  return html`<form id="social-form" data-prefix="s" novalidate hidden>
    <div id="social-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <input type="hidden" name="fromArrest" id="s-fromArrest" />
    <p id="s-from-arrest-note" class="panel" hidden></p>
    <fieldset>
      <legend>Who refers (R-SC-SOURCE)</legend>
      ${select('agency', 'Agency whose sergeant approves', agencyOptions(config), { required: true, blank: 'Choose the agency' })}
      ${select(
        'source.type',
        'Source',
        [
          ['OFFICER', 'An officer'],
          ['DOC', 'A DOC community corrections specialist'],
          ['COMMUNITY', 'A community source'],
        ],
        { required: true },
      )}
      ${input('source.referrerId', "Badge, DOC id or the community referrer's name", { required: true })}
      ${input('source.organization', 'Organization')}
      <fieldset ${group('vouchedBy')} hidden>
        <legend>Officer or sergeant who vouches for it</legend>
        ${groupError('vouchedBy')} ${input('vouchedBy.id', 'Their badge number', { required: true })}
        ${select(
          'vouchedBy.role',
          'Their role',
          [
            ['officer', 'Officer'],
            ['sergeant', 'Sergeant'],
          ],
          { required: true },
        )}
      </fieldset>
    </fieldset>
    ${personFields('person')}
    <fieldset ${group('verification.bases')}>
      <legend>How law enforcement verified the law violations (R-SC-PREREQ)</legend>
      ${groupError('verification.bases')}
      ${checkbox('verification.bases', 'Police reports, arrests, bookings, charges or convictions', { value: 'POLICE_RECORDS' })}
      ${checkbox('verification.bases', 'Direct observation by law enforcement', { value: 'DIRECT_OBSERVATION' })}
      ${checkbox('verification.bases', 'Reliable information from another first responder, a professional or a credible community member', { value: 'RELIABLE_INFORMATION' })}
      ${select(
        'verification.reliableSource',
        'Who gave the reliable information',
        [
          ['FIRST_RESPONDER', 'Another first responder'],
          ['PROFESSIONAL', 'A professional'],
          ['COMMUNITY_MEMBER', 'A credible community member'],
        ],
        { blank: 'Choose' },
      )}
    </fieldset>
    <fieldset ${group('drivers')}>
      <legend>The violations are due to</legend>
      ${groupError('drivers')} ${checkbox('drivers', 'Behavioral health', { value: 'BEHAVIORAL_HEALTH' })}
      ${checkbox('drivers', 'Drug activity', { value: 'DRUG_ACTIVITY' })}
      ${checkbox('drivers', 'Extreme poverty', { value: 'EXTREME_POVERTY' })}
    </fieldset>
    ${textarea('narrative', 'Why LEAD', 'In your words: what you saw or learned — the sergeant reads this before approving')}
    <fieldset ${group('violations')}>
      <legend>Law violations in the last 24 months (R-SC-PREREQ)</legend>
      ${groupError('violations')}
      <div class="row">
        <div>${input('violations.0.date', 'Date', { type: 'date', required: true })}</div>
        <div>${select('violations.0.area', 'Where', areas, { required: true, blank: 'Choose the area' })}</div>
      </div>
    </fieldset>
    ${ordersFields()}
    <div class="submit-bar"><button type="submit" id="social-submit">Submit social-contact referral</button></div>
  </form>`;
}
