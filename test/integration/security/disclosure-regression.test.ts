import { produceMonthlyReport } from '../../../activities/produce-monthly-report';
import { SESSION_COOKIE } from '../../../src/auth/session-cookie';
import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { programSource, readProgramFiles, seedPrograms } from '../../../src/programs/program-sources';
import { monthOf } from '../../../src/reports/report-month';
import { apiAs, expectStatus } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { buildCase, REFERRING_OFFICER, type BuiltCase } from '../../support/disclosure-cases';
import { READERS, readerApi, readsCaseManagementText, type Reader } from '../../support/disclosure-readers';
import { pdfPages } from '../../support/pdf-text';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 22, deliver 3 — the disclosure regression suite (R-ROI, R-DISCLOSE). Cases carry a marker in
 * every free-text field any role can write (`REF-…` in the referral record, `CM-…` in the
 * case-management record, a case manager's staffing-nomination reason included). Every GET route the
 * API declares — read from its own OpenAPI document, so a route is covered the day it exists — is read
 * as every reader, with every case; then every mail and the Temporal UI. No reader may receive a marker
 * they may not see: case-management text reaches case managers and supervisors only; a case's referral
 * record never reaches a reader with no relation to it.
 */
let stack: TestStack;
let cases: BuiltCase[];
let bookingId: string;
let month: string;
beforeAll(async () => {
  stack = await startTestStack({ temporalUi: true });
  // Issue 26: the program its cases are of, so that its configuration is read too.
  await seedPrograms(stack.db, readProgramFiles([programSource(DEFAULT_CONFIG_FILE)]));
  cases = [
    await buildCase(stack, {
      type: 'ARREST_DIVERSION',
      jurisdiction: 'MIXED',
      release: 'IN_FORCE_COVERING_STAFFING',
      exits: false,
      tag: 'rg1',
    }),
    await buildCase(stack, {
      type: 'SOCIAL_CONTACT',
      jurisdiction: 'FELONY',
      release: 'IN_FORCE_NOT_COVERING_STAFFING',
      exits: false,
      tag: 'rg2',
    }),
  ];
  cases.push(await overrideDenied('rg3'));
  month = monthOf(new Date(), stack.config.program.timezone);
  for (const c of cases.filter((open) => !open.closed)) {
    const nominated = await apiAs(stack.baseUrl, 'case_manager', 'cm-nominates').post(
      `/api/cases/${c.caseId}/staffing-nominations`,
      { reason: `${c.cm}-nomination-reason` },
    );
    expect(nominated.status).toBe(201);
  }
  const booked = await apiAs(stack.baseUrl, 'officer').post(
    '/api/referrals/bookings',
    arrestReferral({ person: { givenName: 'Neutral', familyName: 'Booking', dateOfBirth: '1980-01-01' } }),
  );
  expectStatus(booked, 201);
  bookingId = booked.body.bookingId;
  await produceMonthlyReport({ db: stack.db, config: stack.config }, { month });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

/** R-EL-OVERRIDE denied: a case not diverted, whose record an officer may draft a social contact from (R-SC-FROM-ARREST). */
async function overrideDenied(tag: string): Promise<BuiltCase> {
  const ref = `REF-${tag}`;
  const officer = apiAs(stack.baseUrl, 'officer', REFERRING_OFFICER.id, { agency: REFERRING_OFFICER.agency });
  const res = await officer.post(
    '/api/referrals/arrest-diversions',
    arrestReferral({
      person: { givenName: `${ref}-given`, familyName: `${ref}-family`, dateOfBirth: '1986-03-04' },
      offenses: [{ code: 'VUCSA_POSSESSION', drug: { substance: 'OTHER', grams: 9.5, activity: 'POSSESSION' } }],
      history: { convictions: [{ code: 'BURGLARY_2', date: `${new Date().getUTCFullYear() - 2}-01-15` }] },
      incident: { withinCityLimits: true, reportNumber: `${ref}-report` },
      overrideRequest: { reason: `${ref}-override-reason` },
    }),
  );
  expectStatus(res, 201);
  const caseId: string = res.body.caseId;
  await settled(stack, caseId);
  const denied = await apiAs(stack.baseUrl, 'sergeant', 'sgt-denies', { agency: 'BURIEN_PD' }).act(
    caseId,
    'override-decision',
    { decision: 'DENY', reason: `${ref}-denial-reason` },
  );
  expect(denied.status).toBe(200);
  return {
    caseId,
    scenario: { type: 'ARREST_DIVERSION', jurisdiction: 'FELONY', release: 'NONE', exits: false, tag },
    offices: ['KCPAO'],
    enrolled: false,
    closed: true,
    ref,
    cm: `CM-${tag}`,
  };
}

/**
 * The values a declared path or query parameter takes; a route requiring another fails the suite until
 * it is added. An optional query parameter the suite knows is given too (issue 23: a search by the
 * case's id and its person's name, as every reader).
 */
function valueOf(name: string, c: BuiltCase): string | undefined {
  const values: Record<string, string> = {
    caseId: c.caseId,
    month,
    bookingId,
    name: `${c.ref}-family`,
    programId: 'burien',
  };
  return values[name];
}

interface Operation {
  path: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
}

async function declaredReads(): Promise<Operation[]> {
  const doc = (await apiAs(stack.baseUrl, 'supervisor').getOk('/api/openapi.json')).body;
  return Object.entries((doc as { paths: Record<string, { get?: { parameters?: Operation['parameters'] } }> }).paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({ path, parameters: item.get!.parameters }));
}

function urlOf(op: Operation, c: BuiltCase): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = valueOf(name, c);
    if (value === undefined) throw new Error(`${op.path}: the suite has no value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && (p.required || valueOf(p.name, c) !== undefined))
    .map((p) => {
      const value = valueOf(p.name, c);
      if (value === undefined) throw new Error(`${op.path}: the suite has no value for the query parameter ${p.name}`);
      return `${p.name}=${encodeURIComponent(value)}`;
    });
  return `${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/** What a reader may never receive from a case, on any route. */
function forbiddenMarkers(reader: Reader, c: BuiltCase): string[] {
  return [...(readsCaseManagementText(reader) ? [] : [c.cm]), ...(reader.relatesTo(c) ? [] : [c.ref])];
}

/** What a reader is shown: a PDF as its viewer extracts the text, anything else as sent. */
async function readAs(api: ReturnType<typeof readerApi>, url: string): Promise<{ status: number; text: string }> {
  const res = await api.download(url);
  const pdf = (res.headers.get('content-type') ?? '').startsWith('application/pdf');
  return {
    status: res.status,
    text: pdf ? (await pdfPages(res.bytes)).join('\n') : new TextDecoder().decode(res.bytes),
  };
}

function leaks(text: string, markers: string[]): string[] {
  return markers.filter((m) => text.includes(m));
}

test('issue 22 deliver 3 (R-ROI, R-DISCLOSE): every declared GET route, read as every reader, discloses no marker the reader may not see', async () => {
  const reads = await declaredReads();
  expect(reads.length).toBeGreaterThan(20);
  const findings: string[] = [];
  for (const op of reads) {
    let answered = false;
    for (const reader of READERS) {
      const api = readerApi(stack, reader);
      for (const c of cases) {
        const url = urlOf(op, c);
        const { status, text } = await readAs(api, url);
        answered ||= status === 200;
        if (status >= 500 || status === 400)
          findings.push(`${reader.name} GET ${url}: ${status} ${text.slice(0, 200)}`);
        for (const marker of leaks(text, forbiddenMarkers(reader, c)))
          findings.push(`${reader.name} GET ${url}: received ${marker}`);
      }
    }
    // A route no reader could read would be checked for nothing.
    if (!answered) findings.push(`GET ${op.path}: no reader got a 200 answer`);
  }
  expect(findings).toEqual([]);
}, 600_000);

test('issue 22 deliver 3 (R-ROI): no notice carries a referral record or case-management text', () => {
  const mails = stack.mail.messages.filter((m) => cases.some((c) => m.headers['x-lead-referral'] === c.caseId));
  expect(mails.length).toBeGreaterThan(0);
  const findings = mails.flatMap((m) =>
    cases.flatMap((c) => leaks(`${m.subject}\n${m.text}`, [c.cm, c.ref]).map((marker) => `${m.to}: ${marker}`)),
  );
  expect(findings).toEqual([]);
});

test('issue 22 deliver 3 (R-ROI): the Temporal UI is the supervisors’ alone, and its history holds no personal data in the clear', async () => {
  for (const reader of READERS) {
    for (const c of cases) {
      const { token } = await stack.tokens.issue({
        id: reader.id,
        role: reader.role,
        agency: reader.agency,
        office: reader.office,
      });
      const res = await fetch(
        `${stack.baseUrl}/temporal/api/v1/namespaces/default/workflows/${c.caseId}/history?maximumPageSize=200`,
        { headers: { cookie: `${SESSION_COOKIE}=${token}`, accept: 'application/json' } },
      );
      const { status } = res;
      const text = await res.text();
      expect({ reader: reader.name, status, leaked: leaks(text, [c.cm, c.ref]) }).toEqual({
        reader: reader.name,
        status: reader.role === 'supervisor' ? 200 : 403,
        leaked: [],
      });
    }
  }
});
