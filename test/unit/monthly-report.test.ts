import { buildMonthlyReport, type ReportCaseInput } from '../../src/reports/monthly-report';

/** R-STAFFING (Decision 2026-12-02): the staffing list holds people in the program; the client report follows the person. */
const at = (iso: string) => new Date(iso);
const ev = (type: string, iso: string, data: unknown = undefined) => ({ type, occurredAt: at(iso), data });
const base = (referralId: string, type: ReportCaseInput['type'], stage: string, referredAt: string) => ({
  referralId,
  type,
  referredAt: at(referredAt),
  stage,
  caseManagerId: null,
  nextDeadlineAt: null,
  nextDeadlineRule: null,
  stuckReasons: [],
});
const report = (month: string, cases: ReportCaseInput[]) =>
  buildMonthlyReport({ month, program: 'LEAD', timezone: 'America/Los_Angeles', places: 25, cases });

const diversion: ReportCaseInput = {
  ...base('BUR-D1', 'ARREST_DIVERSION', 'HANDED_OFF', '2026-03-02T18:00:00Z'),
  events: [
    ev('SCREENING_RECORDED', '2026-03-02T19:00:00Z'),
    ev('CONSENT_GIVEN', '2026-03-04T18:00:00Z', { method: 'WRITTEN' }),
    ev('ENROLLED', '2026-03-04T18:00:00Z'),
    ev('IIP_RECORDED', '2026-03-10T18:00:00Z', { goals: ['HOUSING'] }),
    ev('HANDED_OFF_TO_SOCIAL_CONTACT', '2026-04-10T18:00:00Z', { continuesFrom: 'ENROLLED', keepsEnrollment: true }),
    ev('LINKED_SOCIAL_CONTACT_OPENED', '2026-04-10T18:00:01Z', { socialContactReferralId: 'BUR-S1' }),
  ],
};
const continued: ReportCaseInput = {
  ...base('BUR-S1', 'SOCIAL_CONTACT', 'EXITED', '2026-04-10T18:00:01Z'),
  events: [
    ev('SOCIAL_CONTACT_REFERRED', '2026-04-10T18:00:01Z', {
      source: 'ARREST_HANDOFF',
      linkedFrom: 'BUR-D1',
      continuedAt: 'ENROLLED',
    }),
    ev('SERVICE_RECORDED', '2026-05-03T18:00:00Z', { service: 'shelter' }),
    ev('EXITED', '2026-06-15T18:00:00Z', { reason: 'TRANSITIONED_OUT' }),
  ],
};

test('R-STAFFING: after a hand-off one row continues under the social contact, with the enrollment it kept, and its exit is reported', () => {
  expect(report('2026-03', [diversion]).clientRows.map((r) => [r.referralId, r.status])).toEqual([
    ['BUR-D1', 'ACTIVE'],
  ]);
  const may = report('2026-05', [diversion, continued]);
  expect(may.clientRows).toEqual([
    expect.objectContaining({
      referralId: 'BUR-S1',
      referralType: 'SOCIAL_CONTACT',
      enrolledOn: '2026-03-04',
      status: 'ACTIVE',
      iipGoals: ['HOUSING'],
      servicesDelivered: ['shelter'],
    }),
  ]);
  expect(may.figures.capacity.used).toBe(1); // the person, counted once
  const june = report('2026-06', [diversion, continued]);
  expect(june.clientRows).toEqual([
    expect.objectContaining({
      referralId: 'BUR-S1',
      status: 'EXITED',
      exitOn: '2026-06-15',
      exitReason: 'TRANSITIONED_OUT',
    }),
  ]);
  expect(report('2026-07', [diversion, continued]).clientRows).toEqual([]);
});

test('R-STAFFING: the staffing list never holds refused, denied or closed referrals; an exit shows once, in its month', () => {
  const refused: ReportCaseInput = {
    ...base('BUR-R1', 'SOCIAL_CONTACT', 'REFUSED', '2026-06-01T18:00:00Z'),
    events: [],
  };
  const denied: ReportCaseInput = { ...base('BUR-X1', 'SOCIAL_CONTACT', 'DENIED', '2026-06-01T18:00:00Z'), events: [] };
  const open: ReportCaseInput = {
    ...base('BUR-O1', 'ARREST_DIVERSION', 'AWAITING_INTAKE', '2026-06-01T18:00:00Z'),
    events: [],
  };
  const cases = [refused, denied, open, continued];
  expect(report('2026-06', cases).staffingList.map((r) => r.referralId)).toEqual(['BUR-O1', 'BUR-S1']);
  expect(report('2026-07', cases).staffingList.map((r) => r.referralId)).toEqual(['BUR-O1']);
});
