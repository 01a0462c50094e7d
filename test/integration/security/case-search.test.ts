import { apiAs, bodyOf, expectStatus, refusalOf } from '../../support/api-client';
import { buildCase, REFERRING_OFFICER, type BuiltCase } from '../../support/disclosure-cases';
import { READERS, readerApi, type Reader } from '../../support/disclosure-readers';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 23 item 2, "No way to find a case again": search, "My referrals", the caseload's filters and
 * the prosecutor's inbox, through the one disclosure policy (R-ROI, R-DISCLOSE). Each reader searches
 * the same cases by name, date of birth, case id and stage: they find exactly the cases they may read,
 * name the person only as a reader of the referral record, and each person shown outside case
 * management is in the accounting of disclosures — as a read of the case would be.
 */
let stack: TestStack;
/** A county felony, open, no release (the case manager who screened it: `cm-builder`). */
let county: BuiltCase;
/** A city misdemeanor whose participant exited (R-EXIT). */
let city: BuiltCase;
beforeAll(async () => {
  stack = await startTestStack();
  county = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'find-county',
  });
  city = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'MISDEMEANOR',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: true,
    tag: 'find-city',
  });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

const search = (reader: Reader, query: Record<string, string>) =>
  readerApi(stack, reader).get(`/api/search?${new URLSearchParams(query).toString()}`);
const idsOf = (body: { cases: Array<{ caseId: string }> }) => body.cases.map((c) => c.caseId).sort();
const disclosuresBy = (actorId: string, channel: string) =>
  stack.db.disclosure.findMany({ where: { actorId, channel }, orderBy: { id: 'asc' } });

test('issue 23 item 2 (R-ROI): every reader finds by name, date of birth, case id and stage exactly the cases they may read, and the person only as a reader of the referral record', async () => {
  const findings: string[] = [];
  for (const reader of READERS) {
    if (reader.role === 'evaluator') {
      // R-EVAL: evaluators read no case, and have no search.
      const refused = await search(reader, { name: 'ref-find' });
      expect([refused.status, refusalOf(refused)?.permission]).toEqual([403, 'case.search']);
      continue;
    }
    const readable = [county, city].filter((c) => reader.relatesTo(c));
    const expected = readable.map((c) => c.caseId).sort();
    const queries: Array<Record<string, string>> = [
      { name: 'ref-find' }, // both family names start so: a prefix, in another case
      { name: `${county.ref}-given ${county.ref}-family` },
      { dateOfBirth: '1986-03-04' },
      { caseId: county.caseId.slice(0, 4).toLowerCase() },
      { caseId: city.caseId },
      { stage: 'EXITED' },
    ];
    for (const query of queries) {
      const res = await search(reader, query);
      const want =
        query.caseId === city.caseId || query.stage === 'EXITED'
          ? expected.filter((id) => id === city.caseId)
          : query.name?.includes(county.ref)
            ? expected.filter((id) => id === county.caseId)
            : expected;
      if (res.status !== 200 || JSON.stringify(idsOf(res.body)) !== JSON.stringify(want))
        findings.push(`${reader.name} ${JSON.stringify(query)}: ${res.status} ${JSON.stringify(res.body)}`);
      // Nothing of a case the reader may not read reaches them, however they search.
      for (const other of [county, city].filter((c) => !readable.includes(c)))
        if (JSON.stringify(res.body).includes(other.ref) || JSON.stringify(res.body).includes(other.caseId))
          findings.push(`${reader.name} ${JSON.stringify(query)}: received ${other.caseId}`);
    }
  }
  expect(findings).toEqual([]);

  const prosecutor = READERS.find((r) => r.name === 'the county prosecutor')!;
  const found = await search(prosecutor, { name: `${county.ref}-fam` });
  expect(found.body).toEqual({
    searched: 'REFERRAL_RECORDS',
    truncated: false,
    cases: [
      expect.objectContaining({
        caseId: county.caseId,
        stage: 'AWAITING_INTAKE',
        person: { givenName: `${county.ref}-given`, familyName: `${county.ref}-family`, dateOfBirth: '1986-03-04' },
        offenses: [{ code: 'VUCSA_POSSESSION', label: expect.stringMatching(/VUCSA|possession/i) }],
        links: expect.objectContaining({ case: `/cases/${county.caseId}` }),
      }),
    ],
  });
  // A search without a criterion searches nothing; a name is letters, never a pattern.
  expect((await search(prosecutor, {})).body).toEqual({ searched: 'NOTHING', cases: [], truncated: false });
  for (const name of ['%', 'ref_find', 'a\\b'])
    expect({ name, status: (await search(prosecutor, { name })).status }).toEqual({ name, status: 400 });
}, 240_000);

test('issue 23 item 2 (R-DISCLOSE): each person a search shows outside case management is one disclosure, recorded as a read of the case is; case managers and readers who found nothing leave none', async () => {
  for (const reader of READERS.filter((r) => r.role !== 'evaluator')) {
    const channel = 'GET /api/search';
    const before = (await disclosuresBy(reader.id, channel)).length;
    const res = await search(reader, { name: 'ref-find' });
    expectStatus(res, 200);
    const rows = (await disclosuresBy(reader.id, channel)).slice(before);
    const shown = (res.body.cases as Array<{ caseId: string; person: unknown }>).filter((c) => c.person !== null);
    const expected = reader.role === 'case_manager' ? [] : shown.map((c) => c.caseId).sort();
    expect({ reader: reader.name, disclosed: rows.map((d) => d.caseId).sort() }).toEqual({
      reader: reader.name,
      disclosed: expected,
    });
    for (const d of rows)
      expect(d).toMatchObject({ kinds: ['REFERRAL_RECORD'], actorRole: reader.role, requestId: expect.any(String) });
  }
  // A search by status shows the person too (to a reader of the record): a disclosure as well.
  const sergeant = READERS.find((r) => r.name === 'a sergeant of the agency')!;
  const before = (await disclosuresBy(sergeant.id, 'GET /api/search')).length;
  await search(sergeant, { caseId: county.caseId });
  const after = await disclosuresBy(sergeant.id, 'GET /api/search');
  expect(after.slice(before).map((d) => [d.caseId, d.basis])).toEqual([
    [county.caseId, "R-ROI: a sergeant of the referring officer's agency"],
  ]);
});

test('issue 23 item 2: "My referrals" lists the cases the officer submitted, newest first, naming the person (a disclosure); another officer has none; case managers may not ask', async () => {
  const mine = await apiAs(stack.baseUrl, 'officer', REFERRING_OFFICER.id, { agency: REFERRING_OFFICER.agency }).get(
    '/api/referrals/mine',
  );
  expectStatus(mine, 200);
  expect(mine.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([city.caseId, county.caseId]);
  expect(mine.body.cases[1].person?.familyName).toBe(`${county.ref}-family`);
  expect(mine.body.truncated).toBe(false);
  const disclosed = await disclosuresBy(REFERRING_OFFICER.id, 'GET /api/referrals/mine');
  expect(disclosed.map((d) => d.caseId).sort()).toEqual([city.caseId, county.caseId].sort());
  expect(disclosed[0].basis).toBe('R-ROI: the referring officer');

  const other = await apiAs(stack.baseUrl, 'officer', 'officer-other', { agency: 'BURIEN_PD' }).get(
    '/api/referrals/mine',
  );
  expect(other.body).toEqual({ cases: [], truncated: false });
  const cm = await apiAs(stack.baseUrl, 'case_manager', 'cm-mine').get('/api/referrals/mine');
  expectStatus(cm, 403);
  expect(cm.body.error.permission).toBe('referral.readOwn');
});

test('issue 23 item 2: the caseload filters by stage, deadline and stuck, and keeps exited people behind their own filter', async () => {
  const cm = apiAs(stack.baseUrl, 'case_manager', 'cm-builder');
  const ids = async (query: `?${string}` | '' = '') => {
    const res = await cm.get(`/api/caseload${query}`);
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return bodyOf(res).cases.map((c: { caseId: string }) => c.caseId);
  };
  const open = await cm.getOk('/api/caseload');
  expect(open.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([county.caseId]);
  const row = open.body.cases[0];
  expect(row).toMatchObject({ stage: 'AWAITING_INTAKE', mine: true, exitedAt: null, stuckReasons: [] });
  expect(row.person?.familyName).toBe(`${county.ref}-family`);

  // R-EXIT: the person who left is not dropped — they are behind the exited filter, latest exit first.
  const exited = await cm.getOk('/api/caseload?status=exited');
  expect(exited.body.cases).toEqual([
    expect.objectContaining({ caseId: city.caseId, stage: 'EXITED', exitedAt: expect.any(String) }),
  ]);
  expect(Date.now() - Date.parse(exited.body.cases[0].exitedAt!)).toBeLessThan(90 * 86_400_000);
  expect(await ids('?status=exited&stage=AWAITING_INTAKE')).toEqual([]);

  expect(await ids('?stage=AWAITING_INTAKE')).toEqual([county.caseId]);
  expect(await ids('?stage=ENROLLED')).toEqual([]);
  expect(await ids('?stuck=true')).toEqual([]);
  expect(await ids('?stuck=false')).toEqual([county.caseId]);
  // Within N days: the next deadline falls by then (or has passed).
  expect(row.nextDeadline).not.toBeNull();
  const daysToDeadline = Math.max(0, Math.ceil((Date.parse(row.nextDeadline!.dueAt) - Date.now()) / 86_400_000));
  expect(await ids(`?deadlineWithinDays=${daysToDeadline}`)).toEqual([county.caseId]);
  if (daysToDeadline >= 2) expect(await ids(`?deadlineWithinDays=${daysToDeadline - 2}`)).toEqual([]);
  // Another case manager's exited participant is not on this caseload.
  expect((await apiAs(stack.baseUrl, 'case_manager', 'cm-other').get('/api/caseload?status=exited')).body).toEqual({
    cases: [],
  });
  for (const bad of ['?deadlineWithinDays=-1', '?deadlineWithinDays=400', '?status=closed', '?stuck=yes', '?x=1'])
    expect({ bad, status: (await cm.get(`/api/caseload${bad}`)).status }).toEqual({ bad, status: 400 });
});

test("issue 23 item 2 (R-PACKET, R-DISCLOSE): the prosecutor's inbox names the person, offenses and referral date of its own office's cases, each case one disclosure; never another office's", async () => {
  const inbox = async (reader: Reader) => {
    const res = await readerApi(stack, reader).get('/api/queues/prosecutor');
    expectStatus(res, 200);
    return res.body;
  };
  const countyProsecutor = READERS.find((r) => r.name === 'the county prosecutor')!;
  const cityAttorney = READERS.find((r) => r.name === 'the city attorney')!;
  const before = (await disclosuresBy(countyProsecutor.id, 'GET /api/queues/prosecutor')).length;
  const q = await inbox(countyProsecutor);
  const packet = q.notices.find((n: { caseId: string; ruleId: string }) => n.caseId === county.caseId);
  expect(packet).toMatchObject({
    caseId: county.caseId,
    referredAt: expect.any(String),
    person: { givenName: `${county.ref}-given`, familyName: `${county.ref}-family`, dateOfBirth: '1986-03-04' },
    offenses: [{ code: 'VUCSA_POSSESSION', label: expect.any(String) }],
  });
  expect(JSON.stringify(q)).not.toContain(city.ref);
  const disclosed = (await disclosuresBy(countyProsecutor.id, 'GET /api/queues/prosecutor')).slice(before);
  // One disclosure per case shown, however many of its notices the inbox lists.
  expect(disclosed.map((d) => [d.caseId, d.kinds, d.basis])).toEqual([
    [county.caseId, ['REFERRAL_RECORD'], 'R-PACKET: the prosecutor office with jurisdiction'],
  ]);

  const c = await inbox(cityAttorney);
  expect(c.notices.some((n: { caseId: string }) => n.caseId === city.caseId)).toBe(true);
  expect(JSON.stringify(c)).toContain(`${city.ref}-family`);
  expect(JSON.stringify(c)).not.toContain(county.ref);
  expect(JSON.stringify(c)).not.toContain(county.caseId);
});
