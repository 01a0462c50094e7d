import { randomUUID } from 'node:crypto';

/** A realistic arrest-diversion submission; override what a test is about. */
export function arrestReferral(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    agency: 'BURIEN_PD',
    officer: { id: 'B-1047', name: 'Officer Dana Reyes' },
    person: { givenName: 'Jordan', familyName: 'Avery', dateOfBirth: '1988-04-12' },
    incident: { withinCityLimits: true, reportNumber: 'BPD-2026-004512' },
    offenses: [
      { code: 'VUCSA_POSSESSION', level: 'FELONY', drug: { substance: 'OTHER', grams: 1.2, activity: 'POSSESSION' } },
    ],
    judgments: {
      amenable: true,
      dealingForProfit: false,
      exploitsOthers: false,
      promotingProstitution: false,
      safetyConcern: false,
    },
    circumstances: { needsImmediateMedicalCare: false, ableToConsent: true },
    victim: { identifiable: false },
    ...overrides,
  };
}

/** Issue 26: an arrest diversion in Harbor County, by a Harbor PD officer, outside the city (its county prosecutor). */
export function harborCountyArrestReferral(overrides: Record<string, unknown> = {}) {
  return arrestReferral({
    agency: 'HARBOR_PD',
    officer: { id: 'H-311', name: 'Officer Sam Ito' },
    incident: { withinCityLimits: false, reportNumber: 'HPD-2026-000311' },
    ...overrides,
  });
}

/** A realistic social-contact submission (an officer's referral, one recent violation in Burien). */
export function socialContactReferral(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    agency: 'BURIEN_PD',
    source: { type: 'OFFICER', referrerId: 'B-2210' },
    person: { givenName: 'Casey', familyName: 'Morrow', dateOfBirth: '1979-02-03' },
    verification: { bases: ['DIRECT_OBSERVATION', 'POLICE_RECORDS'] },
    drivers: ['DRUG_ACTIVITY', 'EXTREME_POVERTY'],
    violations: [{ date: monthsAgo(2), area: 'BURIEN' }],
    ...overrides,
  };
}

/** A date N calendar months (and optionally days) before today, as YYYY-MM-DD. */
export function monthsAgo(months: number, days = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export const COUNTY_PROSECUTOR = 'lead-diversion@kcpao.example.org';
export const CITY_ATTORNEY = 'lead@burien-city-attorney.example.org';
export const BURIEN_SERGEANTS = 'lead-sergeants@burienpd.example.org';
export const ON_CALL_CASE_MANAGERS = 'lead-oncall@provider.example.org';
export const PROJECT_MANAGER = 'lead-project-manager@defender.example.org';
