import { ageOn, compareDates, notMoreThanYearsBefore, type PlainDate } from './calendar-dates';
import {
  CONVICTION_LABELS,
  FIVE_YEAR_EXCLUDING,
  LIFETIME_EXCLUDING,
  TEN_YEAR_EXCLUDING,
  type ConvictionCode,
  type DRUG_ACTIVITIES,
  type DRUG_SUBSTANCES,
  type PROTECTIVE_ORDER_TYPES,
  type WARRANT_KINDS,
} from './history-codes';

/**
 * Eligibility of an arrest diversion (PROTOCOL.md "Eligibility of an arrest diversion"): a pure,
 * deterministic function of the referral's facts. It advises; the officer decides (R-EL-NORIGHT).
 */

export interface EligibilityFacts {
  dateOfBirth: PlainDate;
  incidentDate: PlainDate;
  referralDate: PlainDate;
  offenses: Array<{
    code: string;
    label?: string;
    /** R-EL-OFFENSE: whether the jurisdiction's catalogue marks the offense eligible. */
    eligible: boolean;
    /** R-EL-OFFENSE (Decision 2026-12-02): the level it is charged at, when the catalogue does not know the offense at that level. */
    chargedAtUnlistedLevel?: { level: string; levels: string[] };
    drug?: { substance: (typeof DRUG_SUBSTANCES)[number]; grams: number; activity: (typeof DRUG_ACTIVITIES)[number] };
  }>;
  convictions: Array<{ code: ConvictionCode; date: PlainDate; attempted?: boolean }>;
  /** R-EX-ORDER: each order, and whether the service found that it protects someone enrolled today. */
  protectiveOrders: Array<{ type: (typeof PROTECTIVE_ORDER_TYPES)[number]; protectsCurrentParticipant: boolean }>;
  warrants: Array<{ kind: (typeof WARRANT_KINDS)[number] }>;
  docViolation: boolean;
  judgments: {
    amenable: boolean;
    dealingForProfit: boolean;
    exploitsOthers: boolean;
    promotingProstitution: boolean;
    safetyConcern: boolean;
  };
  circumstances: { needsImmediateMedicalCare: boolean; ableToConsent: boolean; unableToConsentBecause?: string };
  victimIdentifiable: boolean;
}

export interface Reason {
  ruleId: string;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Every exclusion found, each citing its rule (all are reported, not just the first). */
  reasons: Reason[];
  /** Not exclusions, but they change the path. */
  paths: {
    medicalFirst: boolean;
    consentLater: boolean;
    victimConsultation: boolean;
    bookedOnWarrant: boolean;
    docNciRouting: boolean;
  };
  notes: Reason[];
}

export const MAX_DRUG_GRAMS = 7;
const ADULT_AGE = 18;

function drugAmountExempt(drug: NonNullable<EligibilityFacts['offenses'][number]['drug']>): boolean {
  if (drug.substance === 'PRESCRIPTION_PILLS') return true;
  return drug.substance === 'MARIJUANA' && (drug.activity === 'DELIVERY' || drug.activity === 'PWI');
}

const historyRules: Array<{
  ruleId: string;
  codes: readonly ConvictionCode[];
  years?: number;
  attemptsCount: boolean;
}> = [
  { ruleId: 'R-EX-HISTORY-LIFETIME', codes: LIFETIME_EXCLUDING, attemptsCount: true },
  { ruleId: 'R-EX-HISTORY-10Y', codes: TEN_YEAR_EXCLUDING, years: 10, attemptsCount: false },
  { ruleId: 'R-EX-HISTORY-5Y', codes: FIVE_YEAR_EXCLUDING, years: 5, attemptsCount: false },
];

export function assessEligibility(facts: EligibilityFacts): EligibilityResult {
  const reasons: Reason[] = [];
  const add = (ruleId: string, message: string) => reasons.push({ ruleId, message: `${message} (${ruleId})` });

  const age = ageOn(facts.dateOfBirth, facts.incidentDate);
  if (compareDates(facts.dateOfBirth, facts.incidentDate) > 0 || age < ADULT_AGE) {
    add(
      'R-EL-ADULT',
      `the person was ${Math.max(age, 0)} on the incident date ${facts.incidentDate}; LEAD diverts adults (18 or older)`,
    );
  }

  for (const offense of facts.offenses) {
    const name = offense.label ?? offense.code;
    if (!offense.eligible)
      add('R-EL-OFFENSE', `${name} is not an offense LEAD diverts; after booking, the sergeant may accept an override`);
    else if (offense.chargedAtUnlistedLevel) {
      const { level, levels } = offense.chargedAtUnlistedLevel;
      add(
        'R-EL-OFFENSE',
        `${name} charged as ${humanLevel(level)} is not an offense LEAD diverts (the catalogue has it as ${levels.map(humanLevel).join(' or ')}); after booking, the sergeant may accept an override`,
      );
    }
    if (offense.drug && offense.drug.grams > MAX_DRUG_GRAMS && !drugAmountExempt(offense.drug)) {
      add('R-EX-DRUG-AMOUNT', `${name}: ${offense.drug.grams} g is more than ${MAX_DRUG_GRAMS} g of drugs`);
    }
    if (offense.drug && offense.drug.activity !== 'POSSESSION' && facts.judgments.dealingForProfit) {
      add(
        'R-EX-PROFIT',
        `${name}: delivery or intent to deliver with reason to believe the person deals for profit above subsistence`,
      );
    }
  }

  if (!facts.judgments.amenable) add('R-EX-AMENABLE', 'the officer judges the person not amenable to diversion');
  if (facts.judgments.exploitsOthers)
    add('R-EX-EXPLOIT', 'the person exploits minors or others in a drug-dealing enterprise');
  if (facts.judgments.promotingProstitution) add('R-EX-PROMOTING', 'the person is suspected of promoting prostitution');
  if (facts.protectiveOrders.some((o) => o.protectsCurrentParticipant)) {
    add('R-EX-ORDER', 'a no-contact, restraining or anti-harassment order protects a current LEAD participant');
  }
  if (facts.judgments.safetyConcern)
    add(
      'R-EX-SAFETY',
      'the officer or sergeant believes diversion is inconsistent with immediate victim or community safety',
    );

  for (const rule of historyRules) {
    for (const c of facts.convictions) {
      if (!rule.codes.includes(c.code) || (c.attempted && !rule.attemptsCount)) continue;
      const what = `${c.attempted ? 'attempted ' : ''}${CONVICTION_LABELS[c.code]} conviction on ${c.date}`;
      if (rule.years === undefined) add(rule.ruleId, `${what}: excluded whenever it happened`);
      else if (notMoreThanYearsBefore(c.date, rule.years, facts.referralDate)) {
        add(
          rule.ruleId,
          `${what}: not more than ${rule.years} years had elapsed by the referral date ${facts.referralDate}`,
        );
      }
    }
  }

  const paths = {
    medicalFirst: facts.circumstances.needsImmediateMedicalCare,
    consentLater: !facts.circumstances.ableToConsent,
    victimConsultation: facts.victimIdentifiable,
    bookedOnWarrant: facts.warrants.some((w) => w.kind === 'OTHER_CHARGE'),
    docNciRouting: facts.docViolation || facts.warrants.some((w) => w.kind === 'DOC'),
  };
  const notes: Reason[] = [];
  const note = (on: boolean, ruleId: string, message: string) =>
    on && notes.push({ ruleId, message: `${message} (${ruleId})` });
  note(paths.medicalFirst, 'R-EL-MEDICAL', 'immediate treatment, detox or a hospital comes first');
  note(
    paths.consentLater,
    'R-EL-CONSENT-LATER',
    `the person cannot give informed consent now${consentLaterReason(facts.circumstances.unableToConsentBecause)}: refer anyway, consent is sought later`,
  );
  note(
    paths.victimConsultation,
    'R-EL-VICTIM',
    'consult the victim where possible; the victim may object within one week',
  );
  note(
    paths.bookedOnWarrant,
    'R-EL-WARRANT',
    'book the person on the other warrant; the new charge can still be diverted',
  );
  note(paths.docNciRouting, 'R-EL-WARRANT', 'a DOC warrant or violation goes to the DOC NCI team, who may refer');

  return { eligible: reasons.length === 0, reasons, paths, notes };
}

const humanLevel = (level: string) => level.replace('_', ' ').toLowerCase();

/** R-EL-CONSENT-LATER (corrected 2026-12-02): the reason in the seed's words. */
const CONSENT_LATER_WORDS: Record<string, string> = {
  INTOXICATED: 'intoxicated',
  INCAPACITATED: 'incapacitated',
  TOO_ILL: 'too ill',
  MENTAL_ILLNESS_IMMEDIATE_RISK: 'an immediate risk to self or others due to mental illness',
};
const consentLaterReason = (reason: string | undefined) =>
  reason ? ` (${CONSENT_LATER_WORDS[reason] ?? reason.toLowerCase()})` : '';
