import { declareAction } from './declaration';
import { RELEASE_FIELDS } from './field-parts';

// R-CONSENT: a first release, or (Decision 2026-12-02) a new one after a rescission before enrollment.
export const recordConsent = declareAction({
  path: 'consent',
  roles: ['case_manager'],
  rules: ['R-CONSENT'],
  input: ({ releaseOf, releaseCoverage }) =>
    releaseOf({
      covers: releaseCoverage
        .optional()
        .describe('What the release covers besides case management (default: nothing else)'),
    }).describe('R-CONSENT: release of information given (again, after a rescission before enrollment)'),
  label: 'Record consent',
  stages: ['AWAITING_INTAKE'],
  openWhen: (view) => view.consent.status !== 'GIVEN',
  fields: RELEASE_FIELDS,
});
