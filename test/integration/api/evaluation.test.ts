import { loadConfig } from '../../../src/config/load-config';
import { apiAs, expectStatus, refusalOf, waitFor } from '../../support/api-client';
import { fullRecord, submitArrest } from '../../support/case-helpers';
import { arrestReferral, monthsAgo } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * R-EVAL: the comparison pool (arrests that ended in booking), outcomes entered and imported, the
 * evaluation figures and the evaluator's de-identified export.
 */
let stack: TestStack;
beforeAll(async () => {
  const config = loadConfig();
  config.evaluation.minimumCell = 2; // small enough for a test's handful of people
  config.agencies.BURIEN_PD.recordsPerceivedRace = true;
  // The starts lie 20 days back, so that outcomes (never in the future) can follow them.
  config.durations.maxReferralBackdate = 25 * 86_400_000;
  config.agencies.KCSO.recordsPerceivedRace = false;
  stack = await startTestStack({ config });
});
afterAll(async () => {
  await stack?.stop();
});

const officer = () => apiAs(stack.baseUrl, 'officer');
const caseManager = () => apiAs(stack.baseUrl, 'case_manager');
const evaluator = () => apiAs(stack.baseUrl, 'evaluator');
const county = () => apiAs(stack.baseUrl, 'prosecutor', 'dpa-1', { office: 'KCPAO' });
const cityAttorney = () => apiAs(stack.baseUrl, 'prosecutor', 'ca-1', { office: 'BURIEN_CITY_ATTORNEY' });

const person = (name: string, dateOfBirth: string, stateId: string) => ({
  givenName: `Given${name}`,
  familyName: `Family${name}`,
  dateOfBirth,
  stateId,
});
const PEOPLE = {
  booked: person('Booked', '1981-01-11', 'WA-SID-1111'),
  ineligible: person('Ineligible', '1982-02-12', 'WA-SID-2222'),
  diverted: person('Diverted', '1983-03-13', 'WA-SID-3333'),
  divertedToo: person('Divertedtoo', '1984-04-14', 'WA-SID-4444'),
};

async function enrolled(p: (typeof PEOPLE)[keyof typeof PEOPLE], report: string): Promise<string> {
  const caseId = await submitArrest(
    stack,
    arrestReferral({ person: p, incident: { withinCityLimits: true, reportNumber: report }, referredAt: START }),
  );
  for (const [action, body] of [
    ['screening', {}],
    ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }],
    ['intake', {}],
  ] as const)
    expect((await caseManager().act(caseId, action, body)).status).toBe(200);
  await waitFor(
    async () => (await stack.db.caseEvent.count({ where: { referralId: caseId, type: 'ENROLLED' } })) === 1,
    'the enrollment recorded',
  );
  return caseId;
}

const ids: Record<string, string> = {};
const START = new Date(Date.now() - 20 * 86_400_000).toISOString();
const RECENT = monthsAgo(0, 5);

test('R-EVAL: a checked referral that ends in booking joins the comparison pool with its reasons; only its readers read it', async () => {
  const eligible = arrestReferral({
    person: PEOPLE.booked,
    incident: { withinCityLimits: true, reportNumber: 'RPT-BOOKED-1' },
    perceivedRace: ['BLACK'],
    referredAt: START,
  });
  const booked = await officer().post('/api/referrals/bookings', eligible);
  expectStatus(booked, 201);
  expect(booked.body).toMatchObject({ created: true, reason: 'OFFICER_DECISION', eligibility: { eligible: true } });
  expect((await officer().post('/api/referrals/bookings', eligible)).body).toMatchObject({
    bookingId: booked.body.bookingId,
    created: false,
  });
  // One submission is diverted or booked, never both.
  const diverted = await officer().post('/api/referrals/arrest-diversions', eligible);
  expect([diverted.status, refusalOf(diverted)?.code]).toEqual([409, 'ALREADY_BOOKED']);

  const ineligible = await officer().post(
    '/api/referrals/bookings',
    arrestReferral({
      person: PEOPLE.ineligible,
      offenses: [{ code: 'ASSAULT_4' }],
      incident: { withinCityLimits: true, reportNumber: 'RPT-INELIGIBLE-1' },
      referredAt: START,
    }),
  );
  expectStatus(ineligible, 201);
  expect(ineligible.body.reason).toBe('INELIGIBLE');
  expect(ineligible.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toContain('R-EL-OFFENSE');
  ids.booked = booked.body.bookingId;
  ids.ineligible = ineligible.body.bookingId;

  // The felony's office reads its record (a recorded disclosure); the city attorney does not learn it exists.
  const read = await county().get(`/api/bookings/${ids.booked}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ reason: 'OFFICER_DECISION', person: { familyName: 'FamilyBooked' } });
  expect((await cityAttorney().get(`/api/bookings/${ids.booked}`)).status).toBe(404);
  expect(
    (await cityAttorney().getOk('/api/bookings')).body.bookings.map((b: { bookingId: string }) => b.bookingId),
  ).toEqual([ids.ineligible]);
  await waitFor(
    async () => (await stack.db.disclosure.count({ where: { caseId: ids.booked, actorId: 'dpa-1' } })) === 1,
    'the disclosure recorded',
  );
  expect((await evaluator().get(`/api/bookings/${ids.booked}`)).status).toBe(403);
});

test('R-EVAL: outcomes — entered on a readable case or booking, imported from CSV all or nothing, each recorded once', async () => {
  ids.diverted = await enrolled(PEOPLE.diverted, 'RPT-DIVERTED-1');
  ids.divertedToo = await enrolled(PEOPLE.divertedToo, 'RPT-DIVERTED-2');
  // Their follow-ups (6, 12, 24 months) started with the enrollment, as the bookings' did with the booking.
  for (const recordId of Object.values(ids))
    await waitFor(
      async () => (await stack.db.followUp.count({ where: { recordId } })) === 3,
      `follow-ups of ${recordId}`,
    );
  const entry = {
    entryId: 'e-1',
    subject: { caseId: ids.diverted },
    kind: 'ARREST',
    occurredOn: RECENT,
    level: 'MISDEMEANOR',
    agency: 'BURIEN_PD',
  };
  expect((await officer().post('/api/outcomes', entry)).status).toBe(201);
  expect((await officer().post('/api/outcomes', entry)).body).toMatchObject({ created: false });
  // Another agency's sergeant cannot learn of the case by recording an outcome on it.
  const kcso = apiAs(stack.baseUrl, 'sergeant', 'sgt-kcso', { agency: 'KCSO' });
  expect((await kcso.post('/api/outcomes', { ...entry, entryId: 'e-2' })).status).toBe(404);

  const supervisor = apiAs(stack.baseUrl, 'supervisor');
  const header = 'record_id,given_name,family_name,date_of_birth,state_id,kind,occurred_on,level,agency';
  const good = (id: string, p: (typeof PEOPLE)[keyof typeof PEOPLE], on: string) =>
    `${id},${p.givenName},${p.familyName},${p.dateOfBirth},${p.stateId},ARREST,${on},MISDEMEANOR,KCSO`;
  const before = await stack.db.outcome.count();
  const bad = await supervisor.post('/api/outcomes/imports', {
    source: 'KCSO records',
    csv: [
      header,
      good('K-1', PEOPLE.booked, RECENT),
      'K-2,Nobody,Known,1990-01-01,,ARREST,2026-11-01,MISDEMEANOR,KCSO',
      good('K-3', PEOPLE.ineligible, '2999-01-01'),
      `K-4,${PEOPLE.diverted.givenName},${PEOPLE.diverted.familyName},${PEOPLE.diverted.dateOfBirth},,PARKING,2026-11-02,MISDEMEANOR,KCSO`,
    ].join('\n'),
  });
  expectStatus(bad, 422);
  expect(bad.body.error.rows?.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
    [4, 'occurred_on'],
    [5, 'kind'],
    [3, 'given_name, family_name, date_of_birth'],
  ]);
  expect(bad.body.error.message).toMatch(/^Nothing was imported/);
  expect(await stack.db.outcome.count()).toBe(before);

  const csv = [header, good('K-1', PEOPLE.booked, RECENT), good('K-3', PEOPLE.ineligible, RECENT)].join('\n');
  expect((await supervisor.post('/api/outcomes/imports', { source: 'KCSO records', csv })).body).toEqual({
    imported: 2,
    alreadyRecorded: 0,
  });
  expect((await supervisor.post('/api/outcomes/imports', { source: 'KCSO records', csv })).body).toEqual({
    imported: 0,
    alreadyRecorded: 2,
  });
  expect(await stack.db.outcome.count()).toBe(before + 2);
});

test('R-EVAL: the evaluator reads the figures and exports a dataset that identifies no one; every exported record is a disclosure', async () => {
  // The evaluator's role reads no case at all.
  expect((await evaluator().get(`/api/cases/${ids.diverted}`)).status).toBe(403);
  // Computed when asked until a run stored figures; then the stored ones, produced by Temporal (the nightly schedule's workflow).
  expect((await evaluator().getOk('/api/evaluation')).body.stored).toBe(false);
  expect((await evaluator().post('/api/evaluation/runs')).status).toBe(403);
  const run = await apiAs(stack.baseUrl, 'project_manager').post('/api/evaluation/runs');
  expectStatus(run, 201);
  const figures = await evaluator().get('/api/evaluation');
  expectStatus(figures, 200);
  expect(figures.body).toMatchObject({ stored: true, computedAt: run.body.computedAt });
  // One re-arrest: under the minimum of 2. Suppression is complementary (R-EVAL, Decision 2026-12-02): the
  // participants' curve (a step to ½), their rates and the hazard ratio would each give it back, so none is shown.
  expect(figures.body.participants).toEqual({
    people: 2,
    rearrested: null,
    longestFollowUpDays: expect.any(Number),
    curve: null,
    rearrestRate: null,
    rearrestedBy: null,
  });
  expect(figures.body.hazardRatio).toBeNull();
  expect(figures.body.comparison).toMatchObject({ people: 2, rearrested: 2 });
  expect(figures.body.comparison.curve).toEqual([expect.objectContaining({ atRisk: 2, survival: 0 })]);

  const exported = await evaluator().get('/api/evaluation/export.jsonl');
  expect(exported.status).toBe(200);
  const text = String(exported.body);
  const rows = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((r) => r.cohort).sort()).toEqual(['COMPARISON', 'COMPARISON', 'PARTICIPANT', 'PARTICIPANT']);
  expect(rows.filter((r) => r.rearrested)).toHaveLength(3);
  const people = await stack.db.person.findMany();
  const identifiers = [
    ...Object.values(PEOPLE).flatMap((p) => [p.givenName, p.familyName, p.dateOfBirth, p.stateId]),
    ...people.map((p) => p.id),
    ...Object.values(ids),
    'RPT-',
    'B-1047', // the officer's badge
  ];
  const csvExport = String((await evaluator().get('/api/evaluation/export.csv')).body);
  expect(csvExport.trim().split('\r\n')).toHaveLength(1 + rows.length);
  for (const identifier of identifiers)
    expect({ identifier, inCsv: csvExport.includes(identifier) }).toEqual({ identifier, inCsv: false });
  for (const identifier of identifiers)
    expect({ identifier, found: text.includes(identifier) }).toEqual({ identifier, found: false });
  expect(Object.keys(rows[0]).sort()).toEqual(
    Object.keys((await evaluator().getOk('/api/evaluation/data-dictionary')).body.fields).sort(),
  );
  await waitFor(
    async () =>
      (await stack.db.disclosure.count({
        where: { actorRole: 'evaluator', kinds: { has: 'DE_IDENTIFIED_RECORD' } },
      })) === 8,
    'one disclosure per exported record, in each of the two exports',
  );
  // Others may not export.
  expect((await apiAs(stack.baseUrl, 'supervisor').get('/api/evaluation/export.jsonl')).status).toBe(403);
});

test('R-EVAL: demographics — perceived race where the agency records it (police data), self-reported answers in the case-management record only', async () => {
  // KCSO does not record perceived race: the field is refused, named, with the rule.
  const kcso = await apiAs(stack.baseUrl, 'officer', 'officer-kcso', { agency: 'KCSO' }).post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ agency: 'KCSO', perceivedRace: ['WHITE'] }),
  );
  expectStatus(kcso, 400);
  expect(kcso.body.error.fields).toEqual([
    expect.objectContaining({ field: 'perceivedRace', message: expect.stringContaining('R-EVAL') }),
  ]);
  const bookingRead = await county().getOk(`/api/bookings/${ids.booked}`);
  expect(bookingRead.body.details.perceivedRace).toEqual(['BLACK']);

  const answered = {
    raceEthnicity: { answer: 'ANSWERED', categories: ['BLACK', 'HISPANIC_LATINO'] },
    gender: 'WOMAN',
    preferredLanguage: 'es',
    housingAtReferral: 'UNSHELTERED',
  };
  expect((await caseManager().post(`/api/cases/${ids.diverted}/demographics`, answered)).status).toBe(201);
  expect(
    (await caseManager().post(`/api/cases/${ids.divertedToo}/demographics`, { raceEthnicity: { answer: 'DECLINED' } }))
      .status,
  ).toBe(201);
  const bad = await caseManager().post(`/api/cases/${ids.diverted}/demographics`, {
    raceEthnicity: { answer: 'ANSWERED', categories: [] },
  });
  expect([bad.status, refusalOf(bad)?.fields?.[0].field]).toEqual([400, 'raceEthnicity.categories']);
  expect((await officer().post(`/api/cases/${ids.diverted}/demographics`, answered)).status).toBe(403);

  const supervisor = apiAs(stack.baseUrl, 'supervisor');
  expect(fullRecord((await supervisor.getOk(`/api/cases/${ids.diverted}`)).body).demographics).toMatchObject({
    raceEthnicity: { answer: 'ANSWERED', categories: ['BLACK', 'HISPANIC_LATINO'] },
    gender: 'WOMAN',
    preferredLanguage: 'es',
    housingAtReferral: 'UNSHELTERED',
  });
  expect(
    fullRecord((await supervisor.getOk(`/api/cases/${ids.divertedToo}`)).body).demographics?.raceEthnicity,
  ).toEqual({
    answer: 'DECLINED',
    categories: [],
  });
  // The referring officer and the project manager (no release covering staffing) read no case-management record.
  for (const reader of [officer(), apiAs(stack.baseUrl, 'project_manager')]) {
    const res = await reader.get(`/api/cases/${ids.diverted}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('UNSHELTERED');
  }

  // R-IIP milestones: a participant's, recorded once per milestone and date; a case without a participant has none.
  const housed = { milestone: 'HOUSED', reachedOn: RECENT };
  expect((await caseManager().post(`/api/cases/${ids.diverted}/milestones`, housed)).status).toBe(201);
  expect((await caseManager().post(`/api/cases/${ids.diverted}/milestones`, housed)).status).toBe(200);
  expect((await caseManager().post(`/api/cases/${ids.divertedToo}/milestones`, housed)).status).toBe(201);
  expect(
    (await caseManager().post(`/api/cases/${ids.divertedToo}/milestones`, { milestone: 'EMPLOYED', reachedOn: RECENT }))
      .status,
  ).toBe(201);
  const notEnrolled = await submitArrest(stack, arrestReferral());
  const refused = await caseManager().post(`/api/cases/${notEnrolled}/milestones`, housed);
  expect([refused.status, refusalOf(refused)?.ruleId]).toEqual([409, 'R-EVAL']);
  expect(fullRecord((await supervisor.getOk(`/api/cases/${ids.divertedToo}`)).body).milestones).toEqual([
    { milestone: 'HOUSED', reachedOn: RECENT },
    { milestone: 'EMPLOYED', reachedOn: RECENT },
  ]);
  expect(JSON.stringify((await officer().get(`/api/cases/${ids.divertedToo}`)).body)).not.toContain('EMPLOYED');

  expect((await apiAs(stack.baseUrl, 'project_manager').post('/api/evaluation/runs')).status).toBe(201);
  const figures = (await apiAs(stack.baseUrl, 'project_manager').getOk('/api/evaluation')).body;
  // Two participants housed; one employed: under the minimum of 2, suppressed.
  expect(figures.milestones).toMatchObject({ HOUSED: 2, EMPLOYED: null, TREATMENT_STARTED: 0 });
  expect(figures.byPerceivedRace.reference).toBe('WHITE');
  expect(figures.byPerceivedRace.groups.map((g: { group: string }) => g.group)).toEqual(
    expect.arrayContaining(['BLACK', 'NOT_RECORDED']),
  );
});

test('R-EVAL (Decision 2026-12-02): a referral whose override was denied joins the comparison pool, never the diverted', async () => {
  const submitted = await officer().post(
    '/api/referrals/arrest-diversions',
    arrestReferral({
      person: person('Denied', '1979-07-07', 'WA-DENIED-1'),
      offenses: [{ code: 'ASSAULT_4' }],
      overrideRequest: { reason: 'Booked; asks for an override' },
    }),
  );
  expectStatus(submitted, 201);
  const denied = await apiAs(stack.baseUrl, 'sergeant').actOk(submitted.body.caseId, 'override-decision', {
    decision: 'DENY',
    reason: 'not for LEAD',
  });
  expect(denied.body.case.outcome).toBe('OVERRIDE_DENIED');
  await waitFor(
    async () =>
      (await stack.db.referral.findUniqueOrThrow({ where: { id: submitted.body.caseId } })).outcome ===
        'OVERRIDE_DENIED' || undefined,
    'the outcome projected',
  );
  const rows = String((await evaluator().get('/api/evaluation/export.jsonl')).body)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.filter((r) => r.bookingReason === 'OVERRIDE_DENIED')).toEqual([
    expect.objectContaining({ cohort: 'COMPARISON' }),
  ]);
});
