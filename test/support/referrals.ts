import { randomUUID } from 'node:crypto';

/** A realistic arrest-diversion submission; override what a test is about. */
export function arrestReferral(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    agency: 'BURIEN_PD',
    officer: { id: 'B-1047', name: 'Officer Dana Reyes' },
    person: { givenName: 'Jordan', familyName: 'Avery', dateOfBirth: '1988-04-12' },
    incident: { withinCityLimits: true, reportNumber: 'BPD-2026-004512' },
    offenses: [{ code: 'VUCSA_POSSESSION', level: 'FELONY' }],
    victim: { identifiable: false },
    ...overrides,
  };
}

export const COUNTY_PROSECUTOR = 'lead-diversion@kcpao.example.org';
export const CITY_ATTORNEY = 'lead@burien-city-attorney.example.org';
export const BURIEN_SERGEANTS = 'lead-sergeants@burienpd.example.org';
export const ON_CALL_CASE_MANAGERS = 'lead-oncall@provider.example.org';
export const PROJECT_MANAGER = 'lead-project-manager@defender.example.org';
