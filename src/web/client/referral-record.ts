import type { z } from 'zod';
import type { referralRecordSchema } from '../../api/schemas/case-answer';
import type { eligibilitySchema, priorReferralsSchema, reasonSchema } from '../../api/schemas/referral-answers';
import type { arrestDiversionSchema } from '../../referrals/referral-schema';
import type { socialContactSchema } from '../../referrals/social-contact-schema';
import { raceEthnicityLabel } from '../../shared/race-ethnicity';
import { calendarDate, plainRefusal, roleName, typeLabel } from '../../contract/plain-language';
import { h, humanize } from './dom';
import { at, why } from './words';
import { textOf } from './text-of';

/**
 * The referral record (R-ROI kind 1; for prosecutors the diversion packet, R-PACKET) as the API sent
 * it to this reader: identity, incident, offenses, history, judgments, eligibility and override.
 */
const yes = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '—');

/** An eligibility reason in words, its rule in a "why" (the item keeps the rule id for the record). */
const reasonItem = (r: { ruleId: string; message: string }) =>
  h('li', { 'data-rule': r.ruleId }, plainRefusal(r.message).text, why(r.ruleId));

function row(label: string, value: unknown): HTMLElement | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return null;
  return h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, textOf(value)));
}

/** A row naming another case, as a link to it. */
function link(label: string, caseId: string | null | undefined): HTMLElement | null {
  if (!caseId) return null;
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', {}, h('a', { href: `/cases/${encodeURIComponent(caseId)}` }, caseId)),
  );
}

/** The jurisdiction's names for its codes (GET /api/form-config), when the page has them. */
export interface CodeLabels {
  program?: { name: string; timezone: string };
  offenses?: Record<string, { label: string }>;
  agencies?: Record<string, { name: string }>;
  offices?: Record<string, { name: string }>;
  socialContact?: { catchmentAreas: Record<string, string> };
}

export async function codeLabels(): Promise<CodeLabels> {
  const res = await fetch('/api/form-config', { credentials: 'same-origin' }).catch(() => undefined);
  return res?.ok ? ((await res.json()) as CodeLabels) : {};
}

type Referral = z.output<typeof referralRecordSchema>;
type Submitted<S extends (...args: never[]) => z.ZodType> = z.output<ReturnType<S>>;

/**
 * What a record's details hold: the referral as it was submitted (either kind) and what the service
 * judged of it, each part only where this reader may see it (the disclosure policy leaves parts out).
 */
type ReferralDetails = Partial<
  Omit<Submitted<typeof arrestDiversionSchema> & Submitted<typeof socialContactSchema>, 'protectiveOrders'> & {
    /** As recorded: whether each order protects a current participant, not whom (R-EX-ORDER). */
    protectiveOrders: Array<{ type: string; protectsCurrentParticipant?: boolean }>;
    eligibility: z.output<typeof eligibilitySchema>;
    prerequisites: { reasons: Array<z.output<typeof reasonSchema>> };
    priorReferrals: z.output<typeof priorReferralsSchema>;
  }
>;

export function referralRecordView(
  referral: Referral,
  heading: 'h1' | 'h2' = 'h2',
  labels: CodeLabels = {},
): HTMLElement {
  const d = referral.details as ReferralDetails;
  const priors = d.priorReferrals ?? [];
  const offense = (code: string) => labels.offenses?.[code]?.label ?? humanize(code);
  const area = (code: string) => labels.socialContact?.catchmentAreas[code] ?? humanize(code);
  const p = referral.person;
  const section = (title: string, ...rows: Array<HTMLElement | null>) => {
    const present = rows.filter(Boolean);
    return present.length ? [h('h3', {}, title), h('table', { class: 'record' }, h('tbody', {}, present))] : [];
  };
  return h(
    'section',
    { id: 'referral-record', 'aria-labelledby': 'referral-record-title' },
    h(
      heading,
      { id: 'referral-record-title' },
      referral.type === 'SOCIAL_CONTACT' ? 'Social-contact referral' : 'Referral record (diversion packet)',
    ),
    ...section(
      'The person',
      row('Name', `${p.givenName} ${p.familyName}`),
      row('Date of birth', p.dateOfBirth && calendarDate(p.dateOfBirth)),
      row('State ID', p.stateId),
      row(
        'Race/ethnicity as the officer perceived it (R-EVAL)',
        (d.perceivedRace ?? []).map(raceEthnicityLabel).join(', '),
      ),
    ),
    ...section(
      'Referral',
      row('Agency', labels.agencies?.[referral.agency]?.name ?? referral.agency),
      row('Officer', d.officer ? `${d.officer.name ?? ''} (${d.officer.id})`.trim() : referral.officerId),
      row('Report number', d.incident?.reportNumber),
      row('Incident date', d.incident?.occurredOn && calendarDate(d.incident.occurredOn)),
      row('Inside city limits', d.incident ? yes(d.incident.withinCityLimits) : undefined),
      link('Linked to', referral.linkedFrom),
      row("The officer's account", d.incident?.narrative ?? d.narrative),
    ),
    ...section(
      'Offenses',
      ...(d.offenses ?? []).map((o, i) =>
        row(
          `Offense ${i + 1}`,
          `${offense(o.code)}${o.level ? `, ${humanize(o.level)}` : ''}${o.drug ? ` — ${o.drug.grams} g ${humanize(o.drug.substance)}, ${humanize(o.drug.activity)}` : ''}`,
        ),
      ),
    ),
    ...section(
      'Criminal history entered',
      ...(d.history?.convictions ?? []).map((c) =>
        row(humanize(c.code), `${c.attempted ? 'attempt, ' : ''}convicted ${calendarDate(c.date)}`),
      ),
    ),
    ...section(
      "The officer's judgments",
      ...Object.entries(d.judgments ?? {}).map(([k, v]) => row(humanize(k.replace(/([A-Z])/g, '_$1')), yes(v))),
      ...Object.entries(d.circumstances ?? {}).map(([k, v]) => row(humanize(k.replace(/([A-Z])/g, '_$1')), yes(v))),
      row('Identifiable victim', d.victim ? yes(d.victim.identifiable) : undefined),
      row(
        'Protective orders',
        (d.protectiveOrders ?? [])
          .map((o) => `${humanize(o.type)}${o.protectsCurrentParticipant ? ' (protects a current participant)' : ''}`)
          .join('; '),
      ),
      row('Warrants', (d.warrants ?? []).map((w) => humanize(w.kind)).join(', ')),
      row('DOC violation', d.docViolation === undefined ? undefined : yes(d.docViolation)),
    ),
    ...section(
      'Social contact',
      row(
        'Source',
        d.source
          ? `${humanize(d.source.type)}: ${d.source.referrerId}${d.source.organization ? `, ${d.source.organization}` : ''}`
          : undefined,
      ),
      row('Vouched for by', d.vouchedBy ? `${d.vouchedBy.id} (${roleName(d.vouchedBy.role)})` : undefined),
      row('Verified by', (d.verification?.bases ?? []).map(humanize).join(', ')),
      row('Driven by', (d.drivers ?? []).map(humanize).join(', ')),
      row('Violations', (d.violations ?? []).map((v) => `${calendarDate(v.date)} in ${area(v.area)}`).join('; ')),
    ),
    h('h3', {}, 'Eligibility'),
    h(
      'ul',
      { id: 'eligibility-reasons' },
      d.eligibility
        ? [
            d.eligibility.eligible ? h('li', {}, 'Eligible for diversion.') : null,
            ...(d.eligibility.reasons ?? []).map(reasonItem),
            ...(d.eligibility.notes ?? []).map(reasonItem),
          ]
        : (d.prerequisites?.reasons ?? []).map(reasonItem),
    ),
    priors.length
      ? [
          h('h3', {}, 'Earlier referrals of this person'),
          why('R-EL-PRIOR'),
          h(
            'ul',
            { id: 'prior-referrals' },
            priors.map((p) =>
              h(
                'li',
                {},
                h('a', { href: `/cases/${encodeURIComponent(p.caseId)}` }, p.caseId),
                ` — ${typeLabel(p.type).toLowerCase()}${p.referredAt ? `, referred ${at(p.referredAt)}` : ''}`,
              ),
            ),
          ),
        ]
      : null,
    referral.override
      ? h(
          'div',
          { id: 'override-reason' },
          h(
            'p',
            {},
            `Override requested: ${referral.override.reason}${referral.override.decision ? ` — ${humanize(referral.override.decision).toLowerCase()}${referral.override.decisionReason ? `: ${referral.override.decisionReason}` : ''}` : ''}`,
          ),
          why('R-EL-OVERRIDE'),
        )
      : null,
  );
}
