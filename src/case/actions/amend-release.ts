import { declareAction } from './declaration';
import { RELEASE_FIELDS } from './field-parts';

// R-CONSENT (Decision 2026-12-02): a new version of the release in force, never an exit.
export const amendRelease = declareAction({
  path: 'consent/amendments',
  roles: ['case_manager'],
  rules: ['R-CONSENT', 'R-ROI'],
  input: ({ releaseOf, releaseCoverage, note }) =>
    releaseOf({
      covers: releaseCoverage.describe('What the amended release covers, in full (it replaces the version in force)'),
      note: note.optional(),
    }).describe(
      'R-CONSENT (Decision 2026-12-02): amend the release in force — a provider added or removed, coverage widened or narrowed; a new version, never an exit',
    ),
  label: 'Amend the release',
  stages: ['AWAITING_INTAKE', 'ENROLLED'],
  openWhen: (view) => view.consent.status === 'GIVEN',
  fields: [...RELEASE_FIELDS, { name: 'note', label: 'Note (why it changed)', type: 'textarea' }],
  initialValues: (view) => ({
    'covers.staffing': view.consent.covers?.staffing ?? false,
    'covers.providers': (view.consent.covers?.providers ?? []).join('\n'),
  }),
  consequence:
    'The amended release replaces the version in force at once and every read from now on follows it; without staffing coverage the LEAD partners see the status only.',
});
