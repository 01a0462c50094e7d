import { z } from 'zod';
import { alertParticipantCases } from '../../referrals/coordination';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { discloseBooking } from '../../disclosure';
import { importOutcomes, outcomeEntrySchema, outcomeImportSchema } from '../../evaluation/outcomes';
import type { Database } from '../../db/queries/database';
import { readableBooking, recordEnteredOutcome } from '../../db/queries/evaluation';
import type { RequestActor } from '../authentication';
import { referralFor } from '../case-reads';
import { errorBodySchema } from '../schemas/error-answer';
import { route } from '../contract/route';
import { HttpError } from '../http-error';

const OUTCOME_TAG = 'Outcomes';

/**
 * R-EVAL: whose outcome an entry records — a case or a booking the person entering it may read (its
 * referral record's readers: the agency's police, the offices with jurisdiction, the program).
 */
async function personOfSubject(
  db: Database,
  actor: RequestActor,
  subject: { caseId: string } | { bookingId: string },
): Promise<string> {
  if ('caseId' in subject) return (await referralFor(db, actor, subject.caseId)).personId;
  const booking = await readableBooking(db, actor, subject.bookingId);
  if (!booking || !discloseBooking(actor, booking))
    throw new HttpError(404, 'BOOKING_NOT_FOUND', `No booking ${subject.bookingId}`);
  return booking.personId;
}

export function outcomeRoutes(deps: { db: Database; cases: CaseWorkflows }) {
  const { db } = deps;
  return [
    route(
      {
        method: 'post',
        path: '/outcomes',
        operationId: 'recordOutcome',
        tag: OUTCOME_TAG,
        summary: 'R-EVAL: a new arrest, booking or charge of a participant (case) or of the comparison pool (booking)',
        access: { permission: 'outcome.record' },
        body: outcomeEntrySchema,
        responses: {
          201: { description: 'Recorded', schema: z.strictObject({ outcomeId: z.string(), created: z.literal(true) }) },
          200: {
            description: 'This entry was recorded before: nothing new',
            schema: z.strictObject({ outcomeId: z.string(), created: z.literal(false) }),
          },
          404: {
            description: 'No such case or booking, or none this person may read (R-EVAL, R-ROI)',
            schema: errorBodySchema,
          },
        },
      },
      async ({ req, actor, body }) => {
        const personId = await personOfSubject(db, actor, body.subject);
        const { id, created } = await recordEnteredOutcome(db, {
          sourceRef: `${actor.id}:${body.entryId}`,
          personId,
          kind: body.kind,
          occurredOn: new Date(`${body.occurredOn}T00:00:00Z`),
          level: body.level,
          agency: body.agency,
          recordedById: actor.id,
          recordedByRole: actor.role,
          requestId: req.requestId!,
        });
        return created
          ? { status: 201, body: { outcomeId: id, created: true as const } }
          : { status: 200, body: { outcomeId: id, created: false as const } };
      },
    ),
    route(
      {
        method: 'post',
        path: '/outcomes/imports',
        operationId: 'importOutcomes',
        tag: OUTCOME_TAG,
        summary: "R-EVAL: outcomes from a records system's CSV — every row checked and matched, or nothing imported",
        access: { permission: 'outcome.import' },
        body: outcomeImportSchema,
        responses: {
          201: {
            description: 'Imported (rows imported before are counted, not recorded again)',
            schema: z.strictObject({ imported: z.number().int(), alreadyRecorded: z.number().int() }),
          },
          422: { description: 'Nothing imported: every wrong row named, with its reason', schema: errorBodySchema },
        },
      },
      async ({ req, actor, body }) => {
        const { matched, ...result } = await importOutcomes(db, body, {
          id: actor.id,
          role: actor.role,
          requestId: req.requestId!,
        });
        // R-COORD: a participant's imported arrest, booking or charge alerts their case manager.
        const byPerson = new Map(matched.map((m) => [m.personId, m.sourceRef]));
        await alertParticipantCases(deps, [...byPerson.keys()], (personId) => ({
          source: 'OUTCOME',
          sourceId: byPerson.get(personId)!,
        }));
        return { status: 201, body: result };
      },
    ),
  ];
}
