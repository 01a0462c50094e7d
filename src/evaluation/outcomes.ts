import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { text } from '../shared/text-schema';
import type { Database } from '../db/queries/database';
import { peopleMatching, recordImportedOutcomes } from '../db/queries/evaluation';
import { OFFENSE_LEVELS } from '../shared/case-vocabulary';

/** R-EVAL: what happened to a person after their referral or booking. */
export const OUTCOME_KINDS = ['ARREST', 'BOOKING', 'CHARGE'] as const;

const notInFuture = (date: string) => date <= new Date().toISOString().slice(0, 10);
const occurredOn = z.iso.date().refine(notInFuture, 'cannot be in the future').describe('YYYY-MM-DD');
const agencyCode = z
  .string()
  .regex(/^[A-Z0-9_]{2,40}$/, 'an agency code: capitals, digits and _')
  .describe('The arresting or charging agency (code)');

export const outcomeFields = {
  kind: z.enum(OUTCOME_KINDS),
  occurredOn,
  level: z.enum(OFFENSE_LEVELS),
  agency: agencyCode,
};

/** One outcome entered by a person (police or prosecutor), about a case or a booking they may read. */
export const outcomeEntrySchema = z.strictObject({
  entryId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, '1–100 letters, digits, or . _ : -')
    .describe('Chosen once by the client: sending the same entry again records nothing new'),
  subject: z
    .union([
      z.strictObject({ caseId: text({ max: 100, trim: false }) }),
      z.strictObject({ bookingId: text({ max: 100, trim: false }) }),
    ])
    .describe('The case (participant) or the booking (comparison pool) the outcome concerns'),
  ...outcomeFields,
});

/** A records system's CSV: one event per row, the person named as the records system knows them. */
export const outcomeImportSchema = z.strictObject({
  source: z
    .string()
    .regex(/^[A-Za-z0-9 ._-]{2,60}$/, 'the records system: 2–60 letters, digits, spaces or . _ -')
    .describe('The records system the rows come from; with record_id, each row is recorded once'),
  csv: text({ max: 60_000, trim: false }).describe(
    'Header row: record_id, given_name, family_name, date_of_birth, state_id (may be empty), kind, occurred_on, level, agency',
  ),
});

const rowSchema = z.strictObject({
  record_id: z.string().trim().min(1).max(100),
  given_name: z.string().trim().min(1).max(100),
  family_name: z.string().trim().min(1).max(100),
  date_of_birth: z.iso.date(),
  state_id: z
    .string()
    .trim()
    .max(40)
    .transform((v) => v || undefined),
  kind: outcomeFields.kind,
  occurred_on: occurredOn,
  level: outcomeFields.level,
  agency: agencyCode,
});

export interface RowProblem {
  /** The row's line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  alreadyRecorded: number;
  /** R-COORD: whom each row matched, by its record reference (not part of the answer). */
  matched: Array<{ personId: string; sourceRef: string }>;
}

export class ImportRejected extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(
      `Nothing was imported: ${problems.length} row problem(s): ${problems
        .slice(0, 5)
        .map((p) => `line ${p.line}: ${p.field}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? '; …' : ''} (R-EVAL)`,
    );
  }
}

const MAX_ROWS = 2000;

/**
 * R-EVAL: outcomes imported from a records system's CSV. Every row is checked and matched to a person of
 * the program or of the comparison pool (names without regard to case, date of birth, and the state id
 * where given); one row wrong and nothing is imported, each wrong row named with its reason. A row
 * imported before (the same source and record id) is not recorded again.
 */
export async function importOutcomes(
  db: Database,
  input: z.infer<typeof outcomeImportSchema>,
  by: { id: string; role: string; requestId: string },
): Promise<ImportResult> {
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new ImportRejected([{ line: 1, field: 'csv', message: `not readable as CSV: ${(err as Error).message}` }]);
  }
  if (records.length === 0) throw new ImportRejected([{ line: 1, field: 'csv', message: 'no rows after the header' }]);
  if (records.length > MAX_ROWS)
    throw new ImportRejected([
      { line: 1, field: 'csv', message: `${records.length} rows; at most ${MAX_ROWS} at once` },
    ]);
  const problems: RowProblem[] = [];
  const rows: Array<{ line: number; row: z.infer<typeof rowSchema> }> = [];
  records.forEach((record, i) => {
    const parsed = rowSchema.safeParse(record);
    if (parsed.success) rows.push({ line: i + 2, row: parsed.data });
    else
      for (const issue of parsed.error.issues)
        problems.push({ line: i + 2, field: issue.path.join('.') || '(row)', message: issue.message });
  });
  const firstLineOf = new Map<string, number>();
  for (const { line, row } of rows) {
    const first = firstLineOf.get(row.record_id);
    if (first) problems.push({ line, field: 'record_id', message: `repeats line ${first}` });
    else firstLineOf.set(row.record_id, line);
  }
  const matched: Array<{ personId: string; row: z.infer<typeof rowSchema> }> = [];
  for (const { line, row } of rows) {
    const people = await peopleMatching(db, {
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      stateId: row.state_id,
    });
    if (people.length === 1) matched.push({ personId: people[0].id, row });
    else
      problems.push({
        line,
        field: 'given_name, family_name, date_of_birth',
        message:
          people.length === 0
            ? 'matches nobody in the program or the comparison pool'
            : 'matches more than one person: give state_id',
      });
  }
  if (problems.length > 0) throw new ImportRejected(problems);
  const imported = await recordImportedOutcomes(
    db,
    matched.map(({ personId, row }) => ({
      personId,
      kind: row.kind,
      occurredOn: new Date(`${row.occurred_on}T00:00:00Z`),
      level: row.level,
      agency: row.agency,
      source: input.source,
      sourceRef: row.record_id,
      recordedById: by.id,
      recordedByRole: by.role,
      requestId: by.requestId,
    })),
  );
  return {
    imported,
    alreadyRecorded: matched.length - imported,
    matched: matched.map(({ personId, row }) => ({ personId, sourceRef: `${input.source}:${row.record_id}` })),
  };
}
