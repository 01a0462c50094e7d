import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ReaderIdentity } from '../../../src/disclosure';
import * as cases from '../../../src/db/queries/cases';
import * as evaluation from '../../../src/db/queries/evaluation';
import { bookingIdFor } from '../../../src/evaluation/record-booking';
import { caseIdFor } from '../../../src/referrals/case-id';
import { seededDatabase } from '../../support/seeded-database';

/**
 * R-ROI (issue 24 item 3): the query layer takes the reader and applies their scope itself. A reader
 * with no relation to a case gets nothing of it through any query function that takes a reader — and
 * the list of those functions is read from the query layer's sources, so a new one fails this test
 * until it is listed here. Functions that take a `ReadableCase` instead are scoped by their argument:
 * only `readableCase` hands one out, and it gives a stranger none (below).
 */
const QUERIES_DIR = path.resolve(__dirname, '../../../src/db/queries');

/** Every exported function of src/db/queries/ with a parameter of type ReaderIdentity, as `module.name`. */
function readerTakingExports(): string[] {
  const names: string[] = [];
  for (const file of readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(QUERIES_DIR, file), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const exported = (node: ts.Node) =>
      ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const takesReader = (fn: ts.SignatureDeclarationBase) =>
      fn.parameters.some((p) => p.type?.getText(source) === 'ReaderIdentity');
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name && takesReader(statement))
        names.push(`${file.replace(/\.ts$/, '')}.${statement.name.text}`);
      if (ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations)
          if (
            ts.isIdentifier(d.name) &&
            d.initializer &&
            (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) &&
            takesReader(d.initializer)
          )
            names.push(`${file.replace(/\.ts$/, '')}.${d.name.text}`);
    }
  }
  return names.sort();
}

const PREFIX = 'KC';
const CASE_IDS = ['scope-1', 'scope-2', 'scope-3', 'scope-4'].map((s) => caseIdFor(PREFIX, s));
const [APPROVAL, PROSECUTORS, NCI, SCREENING] = CASE_IDS;
const BOOKING_ID = bookingIdFor(PREFIX, 'scope-booking');
const PARTIES = {
  agency: 'AGENCY_A',
  officerId: 'officer-1',
  submittedById: 'officer-1',
  prosecutorOffices: ['OFFICE_A'],
};
const PERSON = { givenName: 'Jordan', familyName: 'Scopewell', dateOfBirth: new Date('1980-02-03') };

/** Readers who stand in no relation to the cases, the booking or the follow-up above (R-ROI). */
const STRANGERS: ReaderIdentity[] = [
  { id: 'officer-2', role: 'officer', agency: 'AGENCY_B' },
  { id: 'sergeant-b', role: 'sergeant', agency: 'AGENCY_B' },
  { id: 'sergeant-none', role: 'sergeant' },
  { id: 'dpa-b', role: 'prosecutor', office: 'OFFICE_B' },
  { id: 'dpa-none', role: 'prosecutor' },
  { id: 'nci-1', role: 'doc_nci' },
  { id: 'evaluator-1', role: 'evaluator' },
];
const officer: ReaderIdentity = { id: 'officer-1', role: 'officer', agency: 'AGENCY_A' };
const sergeant: ReaderIdentity = { id: 'sergeant-a', role: 'sergeant', agency: 'AGENCY_A' };
const prosecutor: ReaderIdentity = { id: 'dpa-a', role: 'prosecutor', office: 'OFFICE_A' };
const caseManager: ReaderIdentity = { id: 'cm-1', role: 'case_manager' };
const supervisor: ReaderIdentity = { id: 'sup-1', role: 'supervisor' };

let personId: string;

/** Every reader-taking query function, called for a reader, and a reader related to the data who gets something. */
const QUERIES: Record<string, { ask: (reader: ReaderIdentity) => Promise<unknown>; related: ReaderIdentity }> = {
  'cases.readableCase': { ask: (r) => cases.readableCase(db(), r, APPROVAL), related: officer },
  'cases.caseloadOf': { ask: (r) => cases.caseloadOf(db(), r, {}), related: caseManager },
  'cases.sergeantQueueOf': { ask: (r) => cases.sergeantQueueOf(db(), r), related: sergeant },
  'cases.prosecutorQueueOf': { ask: (r) => cases.prosecutorQueueOf(db(), r), related: prosecutor },
  'cases.nciQueueOf': { ask: (r) => cases.nciQueueOf(db(), r), related: supervisor },
  'cases.stuckCasesOf': { ask: (r) => cases.stuckCasesOf(db(), r), related: sergeant },
  'cases.searchCases': { ask: (r) => cases.searchCases(db(), r, { name: 'Scopewell' }, 50), related: officer },
  'cases.referralsSubmittedBy': { ask: (r) => cases.referralsSubmittedBy(db(), r, 100), related: officer },
  'evaluation.unconfirmedFollowUpsFor': { ask: (r) => evaluation.unconfirmedFollowUpsFor(db(), r), related: sergeant },
  'evaluation.followUpFor': { ask: (r) => evaluation.followUpFor(db(), r, APPROVAL), related: sergeant },
  'evaluation.readableBookings': { ask: (r) => evaluation.readableBookings(db(), r), related: officer },
  'evaluation.readableBooking': { ask: (r) => evaluation.readableBooking(db(), r, BOOKING_ID), related: officer },
};

/** The answer as text (Maps, BigInts and Dates included), to look for anything of the fixture in it. */
const asText = (answer: unknown) =>
  JSON.stringify(answer, (_key, value: unknown) =>
    value instanceof Map ? [...value.entries()] : typeof value === 'bigint' ? value.toString() : value,
  ) ?? '';
/** Whatever identifies the cases, the booking, the notice or the person. */
const identifiersIn = (answer: unknown) => {
  const text = asText(answer);
  return [...CASE_IDS, BOOKING_ID, personId, PERSON.familyName, 'notice-scope-1'].filter((id) => text.includes(id));
};

const db = seededDatabase(async (owner) => {
  personId = (await owner.person.create({ data: PERSON })).id;
  const referral = (id: string, fields: object) => ({
    id,
    submissionId: id,
    submissionHash: 'test',
    type: 'ARREST_DIVERSION' as const,
    personId,
    details: {},
    ...PARTIES,
    ...fields,
  });
  await owner.referral.createMany({
    data: [
      referral(APPROVAL, { stage: 'AWAITING_APPROVAL', referredAt: new Date() }),
      referral(PROSECUTORS, { stage: 'INTAKE_MISSED', referredAt: new Date() }),
      referral(NCI, { stage: 'AWAITING_NCI_DECISION', referredAt: new Date() }),
      referral(SCREENING, {
        stage: 'AWAITING_SCREENING',
        caseManagerId: caseManager.id,
        stuckReasons: ['SCREENING_OVERDUE'],
        referredAt: new Date(),
      }),
    ],
  });
  await owner.notification.create({
    data: {
      id: 'notice-scope-1',
      referralId: PROSECUTORS,
      kind: 'INTAKE_MISSED',
      ruleId: 'R-MISSED',
      recipientRole: 'prosecutor',
      office: 'OFFICE_A',
      toAddress: 'dpa@example.org',
      subject: 'Missed intake',
      status: 'SENT',
    },
  });
  await owner.booking.create({
    data: {
      id: BOOKING_ID,
      submissionId: BOOKING_ID,
      submissionHash: 'test',
      personId,
      ...PARTIES,
      submittedById: PARTIES.submittedById,
      reason: 'DECLINED',
      eligibility: {},
      details: {},
      bookedAt: new Date(),
    },
  });
  await owner.followUp.create({
    data: {
      id: `${APPROVAL}.6`,
      recordId: APPROVAL,
      agency: PARTIES.agency,
      months: 6,
      dueAt: new Date(),
      stuckSince: new Date(),
    },
  });
}, 4);

test('R-ROI: every query function that takes a reader is listed here (read from src/db/queries/)', () => {
  expect(Object.keys(QUERIES).sort()).toEqual(readerTakingExports());
});

test('R-ROI: a reader related to the records gets them through every query function (the fixture is not empty)', async () => {
  for (const [name, { ask, related }] of Object.entries(QUERIES))
    expect({ name, found: identifiersIn(await ask(related)).length > 0 }).toEqual({ name, found: true });
});

test('R-ROI: a reader without relation gets nothing through any query function', async () => {
  for (const [name, { ask }] of Object.entries(QUERIES))
    for (const reader of STRANGERS)
      expect({ name, reader, shown: identifiersIn(await ask(reader)) }).toEqual({ name, reader, shown: [] });
});
