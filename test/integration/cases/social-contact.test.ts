import { apiAs } from '../../support/api-client';
import { mailFor, readCase, ruleOf, settled } from '../../support/case-helpers';
import {
  BURIEN_SERGEANTS,
  monthsAgo,
  ON_CALL_CASE_MANAGERS,
  PROJECT_MANAGER,
  socialContactReferral,
} from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Social contacts (R-SC-*): prerequisites, approval, PDA notices, contact, intake, six-month re-assessment. */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let sergeant: ReturnType<typeof apiAs>;
let caseManager: ReturnType<typeof apiAs>;
beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
  sergeant = apiAs(stack.baseUrl, 'sergeant');
  caseManager = apiAs(stack.baseUrl, 'case_manager');
});
afterAll(async () => {
  await stack?.stop();
});

const SOCIAL = '/api/referrals/social-contacts';
const kinds = (caseId: string, to: string) =>
  mailFor(stack, caseId, to).map(
    (m) => m.headers['x-lead-rule'] + ':' + m.subject.replace(/^\[LEAD\] /, '').replace(/ — .*$/, ''),
  );

async function refer(body = socialContactReferral()): Promise<string> {
  const res = await officer.post(SOCIAL, body);
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  await settled(stack, res.body.caseId);
  return res.body.caseId;
}

async function approve(caseId: string) {
  const res = await sergeant.act(caseId, 'approval-decision', { decision: 'APPROVE' });
  expect(res.status).toBe(200);
  return settled(stack, caseId);
}

describe('R-SC-PREREQ and R-SC-SOURCE at submission', () => {
  test('a violation 23 months ago is accepted; 25 months ago is refused (422 naming the rule)', async () => {
    const recent = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(23), area: 'WHITE_CENTER' }] }),
    );
    expect(recent.status).toBe(201);
    const old = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(25), area: 'BURIEN' }] }),
    );
    expect(old.status).toBe(422);
    expect(old.body.error).toMatchObject({
      code: 'PREREQUISITES_NOT_MET',
      reasons: [expect.objectContaining({ ruleId: 'R-SC-PREREQ' })],
    });
    expect(old.body.error.message).toMatch(/more than 24 months/);
  });

  test('a violation outside the catchment area does not qualify; an order protecting someone not in LEAD does not exclude', async () => {
    const outside = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(1), area: 'OUTSIDE_CATCHMENT' }] }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.error.message).toMatch(/outside the LEAD catchment area/);
    const order = await officer.post(
      SOCIAL,
      socialContactReferral({
        protectiveOrders: [
          {
            type: 'NO_CONTACT',
            protectedPerson: { givenName: 'Nobody', familyName: 'Enrolled', dateOfBirth: '1970-01-01' },
          },
        ],
      }),
    );
    expect(order.status).toBe(201);
  });

  test('a community source without a vouching officer is refused (400 naming vouchedBy and R-SC-SOURCE)', async () => {
    const res = await officer.post(
      SOCIAL,
      socialContactReferral({
        source: { type: 'COMMUNITY', referrerId: 'Burien Food Bank', organization: 'Burien Food Bank' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ field: 'vouchedBy', message: expect.stringContaining('R-SC-SOURCE') }),
    ]);
    const vouched = await officer.post(
      SOCIAL,
      socialContactReferral({
        source: { type: 'COMMUNITY', referrerId: 'Burien Food Bank' },
        vouchedBy: { id: 'S-14', role: 'sergeant' },
      }),
    );
    expect(vouched.status).toBe(201);
  });

  test('unknown catchment areas and verification bases are 400s naming the accepted codes', async () => {
    const res = await officer.post(
      SOCIAL,
      socialContactReferral({ violations: [{ date: monthsAgo(1), area: 'SEATTLE' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/BURIEN/);
    expect(res.body.error.message).toMatch(/OUTSIDE_CATCHMENT/);
  });
});

test('R-SC-PDA: approval on day 3 → the PDA is told twice (creation, approval); sergeants were asked', async () => {
  const caseId = await refer();
  expect((await readCase(stack, caseId)).stage).toBe('AWAITING_APPROVAL');
  await stack.env.sleep('3 days');
  const view = await approve(caseId);
  expect(view.approval).toMatchObject({ decision: 'APPROVED', by: { role: 'sergeant' } });
  expect(mailFor(stack, caseId, PROJECT_MANAGER).map(ruleOf)).toEqual(['R-SC-PDA', 'R-SC-PDA']);
  expect(kinds(caseId, PROJECT_MANAGER)).toEqual([
    'R-SC-PDA:New social-contact referral',
    'R-SC-PDA:Social-contact referral approved',
  ]);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-SC-APPROVAL']);
});

test('R-SC-APPROVAL: unreviewed after 7 days → stuck and the sergeants reminded; a denial needs a reason and closes it', async () => {
  const caseId = await refer();
  await stack.env.sleep('6 days');
  expect((await settled(stack, caseId)).stuck).toEqual([]);
  await stack.env.sleep('1 day');
  const overdue = await settled(stack, caseId);
  expect(overdue.stuck).toEqual([expect.objectContaining({ reason: 'APPROVAL_OVERDUE', ruleId: 'R-SC-APPROVAL' })]);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-SC-APPROVAL', 'R-SC-APPROVAL']);
  const noReason = await sergeant.act(caseId, 'approval-decision', { decision: 'DENY' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.fields[0]).toMatchObject({ field: 'reason' });
  const denied = await sergeant.act(caseId, 'approval-decision', {
    decision: 'DENY',
    reason: 'Not a current public-safety priority',
  });
  expect(denied.body.case).toMatchObject({ stage: 'DENIED', outcome: 'APPROVAL_DENIED', stuck: [] });
  await settled(stack, caseId).catch(() => undefined);
  await stack.env.client.workflow.getHandle(caseId).result();
  expect(kinds(caseId, PROJECT_MANAGER)).toEqual([
    'R-SC-PDA:New social-contact referral',
    'R-SC-PDA:Social-contact referral denied',
  ]);
});

test('R-SC-CONTACT: after approval the person is found; if willing, case management is called; then the shared intake path enrolls', async () => {
  const caseId = await refer();
  const approved = await approve(caseId);
  expect(approved.stage).toBe('AWAITING_CONTACT');
  expect(approved.capacity).toBe('GRANTED');
  expect((await caseManager.act(caseId, 'screening')).status).toBe(409);
  const notFound = await officer.act(caseId, 'contacts', { willing: false, note: 'not at the usual spot' });
  expect(notFound.body.case.stage).toBe('AWAITING_CONTACT');
  const found = await officer.act(caseId, 'contacts', { willing: true });
  expect(found.body.case.stage).toBe('AWAITING_SCREENING');
  await settled(stack, caseId);
  expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  await caseManager.act(caseId, 'screening');
  await stack.env.sleep('45 days'); // no 30-day deadline for a social contact
  expect((await settled(stack, caseId)).stage).toBe('AWAITING_INTAKE');
  await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  const enrolled = await caseManager.act(caseId, 'intake');
  expect(enrolled.body.case).toMatchObject({ stage: 'ENROLLED', capacity: 'PARTICIPANT' });
  await settled(stack, caseId);
  expect(kinds(caseId, PROJECT_MANAGER)).toEqual([
    'R-SC-PDA:New social-contact referral',
    'R-SC-PDA:Social-contact referral approved',
    'R-SC-PDA:Social-contact referral enrolled',
  ]);
  // Arrest-only actions are refused, naming the rule.
  const extension = await apiAs(stack.baseUrl, 'sergeant').act(caseId, 'intake-deadline/extensions', {
    newDueAt: new Date(Date.now() + 90 * 86400_000).toISOString(),
    reason: 'not applicable',
  });
  expect(extension.status).toBe(409);
  expect(extension.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-INTAKE' });
});

describe('R-SC-REASSESS (time-skipping)', () => {
  const sixMonthsAfter = (iso: string) => {
    const d = new Date(iso);
    d.setUTCMonth(d.getUTCMonth() + 6);
    return d.getTime();
  };

  test('approved, not enrolled → re-assessment at six months and not a day before; renewed → the next six months later', async () => {
    const caseId = await refer();
    const approved = await approve(caseId);
    const dueAt = Date.parse(approved.approvalValidUntil);
    expect(dueAt).toBe(sixMonthsAfter(approved.approval.at));
    const now = Date.parse(approved.events.at(-1).at);
    await stack.env.sleep(dueAt - now - 86400_000);
    const dayBefore = await settled(stack, caseId);
    expect(dayBefore.reassessmentDue).toBe(false);
    expect(mailFor(stack, caseId).filter((m) => ruleOf(m) === 'R-SC-REASSESS')).toHaveLength(0);

    await stack.env.sleep('1 day');
    await stack.env.sleep('1 minute');
    const due = await settled(stack, caseId);
    expect(due.reassessmentDue).toBe(true);
    expect(due.stuck).toEqual([expect.objectContaining({ reason: 'REASSESSMENT_DUE', ruleId: 'R-SC-REASSESS' })]);
    expect(mailFor(stack, caseId, BURIEN_SERGEANTS).filter((m) => ruleOf(m) === 'R-SC-REASSESS')).toHaveLength(1);
    expect(mailFor(stack, caseId, PROJECT_MANAGER).filter((m) => ruleOf(m) === 'R-SC-REASSESS')).toHaveLength(1);

    const renewed = await sergeant.act(caseId, 'reassessment-decision', {
      decision: 'RENEW',
      reason: 'Still a priority; outreach ongoing',
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.case.reassessmentDue).toBe(false);
    const nextDue = Date.parse(renewed.body.case.approvalValidUntil);
    expect(nextDue).toBe(sixMonthsAfter(renewed.body.case.renewals[0].at));
    await settled(stack, caseId);
    await stack.env.sleep(nextDue - Date.parse(renewed.body.case.renewals[0].at) - 86400_000);
    expect((await settled(stack, caseId)).reassessmentDue).toBe(false);
    await stack.env.sleep('1 day');
    await stack.env.sleep('1 minute');
    expect((await settled(stack, caseId)).reassessmentDue).toBe(true);
    expect(mailFor(stack, caseId, BURIEN_SERGEANTS).filter((m) => ruleOf(m) === 'R-SC-REASSESS')).toHaveLength(2);

    const closed = await sergeant.act(caseId, 'reassessment-decision', {
      decision: 'CLOSE',
      reason: 'Could not be located for a year',
    });
    expect(closed.body.case).toMatchObject({ stage: 'CLOSED', outcome: 'CLOSED_AT_REASSESSMENT' });
    await stack.env.client.workflow.getHandle(caseId).result();
    expect(kinds(caseId, PROJECT_MANAGER).at(-1)).toBe('R-SC-PDA:Social-contact referral closed');
  });

  test('enrolled before six months → no re-assessment', async () => {
    const caseId = await refer();
    await approve(caseId);
    await officer.act(caseId, 'contacts', { willing: true });
    await caseManager.act(caseId, 'screening');
    await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
    await stack.env.sleep('60 days');
    expect((await caseManager.act(caseId, 'intake')).body.case.stage).toBe('ENROLLED');
    await settled(stack, caseId);
    await stack.env.sleep('200 days');
    const later = await settled(stack, caseId);
    expect(later.reassessmentDue).toBe(false);
    expect(mailFor(stack, caseId).filter((m) => ruleOf(m) === 'R-SC-REASSESS')).toHaveLength(0);
    expect(
      (await sergeant.act(caseId, 'reassessment-decision', { decision: 'RENEW', reason: 'nothing due' })).status,
    ).toBe(409);
  });
});
