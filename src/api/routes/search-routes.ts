import { fromZonedTime } from 'date-fns-tz';
import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import type { CaseSearch } from '../../disclosure';
import { referralsSubmittedBy, searchCases } from '../../db/queries/cases';
import type { Database } from '../../db/queries/database';
import type { CaseLinks } from '../case-rows';
import { route } from '../contract/route';
import { listedCaseRow } from '../listed-cases';
import { stageSchema } from '../schemas/common';
import { myReferralsSchema, searchAnswerSchema } from '../schemas/search-answers';

/** Finding a case again (issue 23 item 2): search, and an officer's own referrals. */
const SEARCH_TAG = 'Search';

/** At most this many cases per answer (each one naming a person is a disclosure): narrow the search for more. */
export const SEARCH_LIMIT = 50;
export const MY_REFERRALS_LIMIT = 100;

/** What a name may hold (never a LIKE wildcard, a backslash or a control character). */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N}' .-]+$/u;

/** A calendar date a search may ask for. */
const searchDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900-01-01 and 2999-12-31');

export const searchQuerySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    // A refinement, not a pattern: the document's pattern language has no Unicode letter classes.
    .refine((name) => NAME_CHARACTERS.test(name), 'letters, digits, spaces, apostrophes, hyphens and periods only')
    .optional()
    .describe(
      'Given or family name: each word is the start of one of them, in any case ("jor av" finds Jordan Avery). Covers only the cases whose referral record you may read (R-ROI)',
    ),
  dateOfBirth: searchDate
    .optional()
    .describe('YYYY-MM-DD. Covers only the cases whose referral record you may read (R-ROI)'),
  caseId: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and hyphens only')
    .optional()
    .describe('A case id, or its start, in any case'),
  stage: stageSchema.optional(),
  agency: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'an agency code')
    .optional()
    .describe('The referring agency (code)'),
  referredFrom: searchDate.optional().describe('Referred on or after this day (program time zone)'),
  referredTo: searchDate.optional().describe('Referred on or before this day (program time zone)'),
});

/** The start of a local day of the program, as an instant. */
const startOfDay = (date: string, timeZone: string) => fromZonedTime(`${date}T00:00:00`, timeZone);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function criteriaOf(query: z.output<typeof searchQuerySchema>, timeZone: string): CaseSearch {
  return {
    name: query.name,
    dateOfBirth: query.dateOfBirth,
    caseId: query.caseId,
    stage: query.stage,
    agency: query.agency,
    referredFrom: query.referredFrom ? startOfDay(query.referredFrom, timeZone) : undefined,
    referredBefore: query.referredTo ? startOfDay(dayAfter(query.referredTo), timeZone) : undefined,
  };
}

export function searchRoutes(deps: { db: Database; config: LeadConfig; links: CaseLinks }) {
  const { db, config } = deps;

  const search = route(
    {
      method: 'get',
      path: '/search',
      operationId: 'searchCases',
      tag: SEARCH_TAG,
      summary:
        'Find cases you may read: by name, date of birth, case id, stage, agency, referral dates (all criteria together), newest first',
      description:
        'R-ROI: a search covers only the cases its reader may read, and by name or date of birth only those whose referral record they may read: it never matches on what the reader may not see. A case naming its person to someone outside case management is a disclosure (R-DISCLOSE), as a read of the case is. Without any criterion nothing is searched.',
      access: { permission: 'case.search' },
      query: searchQuerySchema,
      responses: { 200: { description: 'The cases found', schema: searchAnswerSchema } },
    },
    async ({ req, actor, query }) => {
      const { searched, found } = await searchCases(
        db,
        actor,
        criteriaOf(query, config.program.timezone),
        SEARCH_LIMIT,
      );
      if (searched === 'NOTHING') return { status: 200, body: { searched, cases: [], truncated: false } };
      const cases = found.slice(0, SEARCH_LIMIT).map((r) => listedCaseRow(req, actor, r, deps));
      return {
        status: 200,
        body: {
          searched,
          // Searching by identity, every case found is one whose person the reader may see (R-ROI).
          cases: searched === 'REFERRAL_RECORDS' ? cases.filter((c) => c.person !== null) : cases,
          truncated: found.length > SEARCH_LIMIT,
        },
      };
    },
  );

  const myReferrals = route(
    {
      method: 'get',
      path: '/referrals/mine',
      operationId: 'getMyReferrals',
      tag: SEARCH_TAG,
      summary: 'The referrals you submitted, newest first (each naming its person is a disclosure, R-DISCLOSE)',
      access: { permission: 'referral.readOwn' },
      responses: { 200: { description: 'Your referrals', schema: myReferralsSchema } },
    },
    async ({ req, actor }) => {
      const found = await referralsSubmittedBy(db, actor, MY_REFERRALS_LIMIT);
      return {
        status: 200,
        body: {
          cases: found.slice(0, MY_REFERRALS_LIMIT).map((r) => listedCaseRow(req, actor, r, deps)),
          truncated: found.length > MY_REFERRALS_LIMIT,
        },
      };
    },
  );

  return [search, myReferrals];
}
