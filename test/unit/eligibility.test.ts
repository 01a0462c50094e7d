import {
  addMonths,
  addYears,
  ageOn,
  notMoreThanYearsBefore,
  withinMonthsBefore,
} from '../../src/eligibility/calendar-dates';
import { assessEligibility, type EligibilityFacts } from '../../src/eligibility/eligibility';
import { loadConfig } from '../../src/config/load-config';
import { eligibilityFactsOf } from '../../src/referrals/eligibility-facts';
import { arrestDiversionSchema } from '../../src/referrals/referral-schema';
import { arrestReferral } from '../support/referrals';

/** Every R-EL / R-EX rule, both sides of each boundary. Referral date 2026-03-01 unless stated. */

const REF = '2026-03-01';
const base = (): EligibilityFacts => ({
  dateOfBirth: '1990-06-15',
  incidentDate: REF,
  referralDate: REF,
  offenses: [{ code: 'CRIMINAL_TRESPASS', eligible: true }],
  convictions: [],
  protectiveOrders: [],
  warrants: [],
  docViolation: false,
  judgments: {
    amenable: true,
    dealingForProfit: false,
    exploitsOthers: false,
    promotingProstitution: false,
    safetyConcern: false,
  },
  circumstances: { needsImmediateMedicalCare: false, ableToConsent: true },
  victimIdentifiable: false,
});
const drug = (
  substance: 'MARIJUANA' | 'PRESCRIPTION_PILLS' | 'OTHER',
  grams: number,
  activity: 'POSSESSION' | 'DELIVERY' | 'PWI',
) => ({
  offenses: [{ code: 'VUCSA_POSSESSION', eligible: true, drug: { substance, grams, activity } }],
});
const convicted = (code: string, date: string, attempted = false) => ({
  convictions: [{ code, date, attempted }] as EligibilityFacts['convictions'],
});
const judged = (j: Partial<EligibilityFacts['judgments']>) => ({ judgments: { ...base().judgments, ...j } });
const ruleIds = (facts: Partial<EligibilityFacts>) =>
  assessEligibility({ ...base(), ...facts }).reasons.map((r) => r.ruleId);

test.each<[string, Partial<EligibilityFacts>, string[]]>([
  ['no exclusion at all', {}, []],
  // R-EX-DRUG-AMOUNT
  ['7 g of drugs', drug('OTHER', 7, 'POSSESSION'), []],
  ['7.1 g of drugs', drug('OTHER', 7.1, 'POSSESSION'), ['R-EX-DRUG-AMOUNT']],
  ['20 g marijuana, possession with intent', drug('MARIJUANA', 20, 'PWI'), []],
  ['20 g marijuana, delivery', drug('MARIJUANA', 20, 'DELIVERY'), []],
  ['20 g marijuana, simple possession', drug('MARIJUANA', 20, 'POSSESSION'), ['R-EX-DRUG-AMOUNT']],
  ['10 g prescription pills, possession', drug('PRESCRIPTION_PILLS', 10, 'POSSESSION'), []],
  ['10 g prescription pills, delivery', drug('PRESCRIPTION_PILLS', 10, 'DELIVERY'), []],
  // R-EX-PROFIT applies to delivery/PWI only
  [
    'delivery, dealing for profit',
    { ...drug('OTHER', 2, 'DELIVERY'), ...judged({ dealingForProfit: true }) },
    ['R-EX-PROFIT'],
  ],
  [
    'possession, "dealing for profit" ticked',
    { ...drug('OTHER', 2, 'POSSESSION'), ...judged({ dealingForProfit: true }) },
    [],
  ],
  // officer judgments and orders
  ['not amenable', judged({ amenable: false }), ['R-EX-AMENABLE']],
  ['exploits others', judged({ exploitsOthers: true }), ['R-EX-EXPLOIT']],
  ['promoting prostitution', judged({ promotingProstitution: true }), ['R-EX-PROMOTING']],
  ['safety concern', judged({ safetyConcern: true }), ['R-EX-SAFETY']],
  [
    'order protecting a current participant',
    { protectiveOrders: [{ type: 'NO_CONTACT', protectsCurrentParticipant: true }] },
    ['R-EX-ORDER'],
  ],
  [
    'order protecting someone else',
    { protectiveOrders: [{ type: 'ANTI_HARASSMENT', protectsCurrentParticipant: false }] },
    [],
  ],
  // R-EL-OFFENSE: a known offense the catalogue does not mark eligible is a reason, with the others
  [
    'Assault 4 (not an offense LEAD diverts)',
    { offenses: [{ code: 'ASSAULT_4', label: 'Assault 4', eligible: false }] },
    ['R-EL-OFFENSE'],
  ],
  [
    'DUI with 12 g of drugs',
    {
      offenses: [
        { code: 'DUI', eligible: false },
        { code: 'VUCSA_POSSESSION', eligible: true, drug: { substance: 'OTHER', grams: 12, activity: 'POSSESSION' } },
      ],
    },
    ['R-EL-OFFENSE', 'R-EX-DRUG-AMOUNT'],
  ],
  // R-EX-HISTORY-10Y, "unless more than 10 years has elapsed": the anniversary still excludes, the day after does not
  ['Robbery 2, 9 years 364 days ago', convicted('ROBBERY_2', '2016-03-02'), ['R-EX-HISTORY-10Y']],
  ['Robbery 2, exactly 10 years ago (the anniversary)', convicted('ROBBERY_2', '2016-03-01'), ['R-EX-HISTORY-10Y']],
  ['Robbery 2, 10 years and a day ago', convicted('ROBBERY_2', '2016-02-29'), []],
  ['Assault 3, 11 years ago', convicted('ASSAULT_3', '2015-01-10'), []],
  [
    'attempted Robbery 2, 2 years ago (attempts count only for lifetime offenses)',
    convicted('ROBBERY_2', '2024-01-01', true),
    [],
  ],
  // R-EX-HISTORY-5Y: Burglary 2 — 4 years, exactly 5 years, 5 years and a day
  ['Burglary 2, 4 years ago', convicted('BURGLARY_2', '2022-03-01'), ['R-EX-HISTORY-5Y']],
  ['Burglary 2, exactly 5 years ago (the anniversary)', convicted('BURGLARY_2', '2021-03-01'), ['R-EX-HISTORY-5Y']],
  ['Burglary 2, 5 years and a day ago', convicted('BURGLARY_2', '2021-02-28'), []],
  [
    'DV no-contact order violation, 4 years 11 months ago',
    convicted('DV_NO_CONTACT_ORDER_VIOLATION', '2021-04-01'),
    ['R-EX-HISTORY-5Y'],
  ],
  // R-EX-HISTORY-LIFETIME, attempts included
  ['attempted kidnapping 30 years ago', convicted('KIDNAPPING', '1996-03-01', true), ['R-EX-HISTORY-LIFETIME']],
  ['Murder 2, 40 years ago', convicted('MURDER_2', '1986-05-05'), ['R-EX-HISTORY-LIFETIME']],
  ['another offense yesterday', convicted('OTHER', '2026-02-28'), []],
  // R-EL-ADULT on the incident date
  ['17 on the incident date (18th birthday the next day)', { dateOfBirth: '2008-03-02' }, ['R-EL-ADULT']],
  ['18 on the incident date (18th birthday that day)', { dateOfBirth: '2008-03-01' }, []],
])('%s → %j', (_what, facts, expected) => {
  expect(ruleIds(facts)).toEqual(expected);
});

test('several exclusions at once are all reported, each with its rule and a message', () => {
  const result = assessEligibility({
    ...base(),
    dateOfBirth: '2009-01-01',
    ...drug('OTHER', 12, 'DELIVERY'),
    ...judged({ dealingForProfit: true, safetyConcern: true }),
    convictions: [
      { code: 'ROBBERY_2', date: '2020-01-01' },
      { code: 'SEX_OFFENSE', date: '2001-01-01' },
    ],
  });
  expect(result.eligible).toBe(false);
  expect(result.reasons.map((r) => r.ruleId)).toEqual([
    'R-EL-ADULT',
    'R-EX-DRUG-AMOUNT',
    'R-EX-PROFIT',
    'R-EX-SAFETY',
    'R-EX-HISTORY-LIFETIME',
    'R-EX-HISTORY-10Y',
  ]);
  for (const r of result.reasons) expect(r.message).toContain(`(${r.ruleId})`);
  expect(result.reasons[1].message).toContain('12 g');
});

test('path flags change the path without excluding (R-EL-MEDICAL, R-EL-CONSENT-LATER, R-EL-VICTIM, R-EL-WARRANT)', () => {
  const result = assessEligibility({
    ...base(),
    circumstances: { needsImmediateMedicalCare: true, ableToConsent: false },
    victimIdentifiable: true,
    warrants: [{ kind: 'OTHER_CHARGE' }, { kind: 'DOC' }],
  });
  expect(result.eligible).toBe(true);
  expect(result.paths).toEqual({
    medicalFirst: true,
    consentLater: true,
    victimConsultation: true,
    bookedOnWarrant: true,
    docNciRouting: true,
  });
  expect(result.notes.map((n) => n.ruleId)).toEqual([
    'R-EL-MEDICAL',
    'R-EL-CONSENT-LATER',
    'R-EL-VICTIM',
    'R-EL-WARRANT',
    'R-EL-WARRANT',
  ]);
});

describe('calendar arithmetic (leap days)', () => {
  test('a 29 February date reaches its anniversary on 28 February in common years (R-EX-HISTORY-10Y)', () => {
    expect(addYears('2016-02-29', 10)).toBe('2026-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
    expect(notMoreThanYearsBefore('2016-02-29', 10, '2026-02-28')).toBe(true);
    expect(notMoreThanYearsBefore('2016-02-29', 10, '2026-03-01')).toBe(false);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ruleIds({ dateOfBirth: '2008-02-29', incidentDate: '2026-02-28', referralDate: '2026-02-28' })).toEqual([]);
    // A leap-day conviction: its 10th anniversary is 28 February 2026 — still excluded that day, not the day after.
    expect(ruleIds({ ...convicted('BURGLARY_1', '2016-02-29'), referralDate: '2026-02-28' })).toEqual([
      'R-EX-HISTORY-10Y',
    ]);
    expect(ruleIds({ ...convicted('BURGLARY_1', '2016-02-29'), referralDate: '2026-03-01' })).toEqual([]);
  });

  test('month arithmetic clamps to the month end; 24-month windows include the boundary day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(withinMonthsBefore('2024-03-01', 24, REF)).toBe(true);
    expect(withinMonthsBefore('2024-02-29', 24, REF)).toBe(false);
  });
});

describe('R-EL-OFFENSE (Decision 2026-12-02): an offense is read with the level it is charged at', () => {
  const config = loadConfig();
  const factsOf = (offense: Record<string, unknown>) =>
    eligibilityFactsOf(
      config,
      arrestDiversionSchema(config).parse(arrestReferral({ offenses: [offense] })),
      new Date('2026-03-01T18:00:00Z'),
    );

  test('misdemeanor theft entered as a felony is not eligible, the reason naming the levels the catalogue has', () => {
    const result = assessEligibility(factsOf({ code: 'THEFT_MISDEMEANOR', level: 'FELONY' }));
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        ruleId: 'R-EL-OFFENSE',
        message: expect.stringMatching(/Misdemeanor theft charged as felony .*catalogue has it as misdemeanor/),
      }),
    ]);
  });

  test('VUCSA may be charged as a felony or a misdemeanor; the usual level needs no entry', () => {
    for (const level of ['FELONY', 'MISDEMEANOR', undefined]) {
      const offense = {
        code: 'VUCSA_POSSESSION',
        level,
        drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' },
      };
      expect(assessEligibility(factsOf(offense)).eligible).toBe(true);
    }
  });
});
