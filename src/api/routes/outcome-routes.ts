import { z } from 'zod';
import { alertParticipantCases } from '../../referrals/coordination';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { discloseBooking } from '../../disclosure';
import { BOOKING_ID_PATTERN } from '../../evaluation/record-booking';
import { importOutcomes, outcomeEntrySchema, outcomeImportSchema } from '../../evaluation/outcomes';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
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
  db: PrismaClient,
  actor: RequestActor,
  subject: { caseId: string } | { bookingId: string },
): Promise<string> {
  if ('caseId' in subject) return (await referralFor(db, actor, subject.caseId)).personId;
  const booking = BOOKING_ID_PATTERN.test(subject.bookingId)
    ? await db.booking.findUnique({ where: { id: subject.bookingId }, include: { person: true } })
    : null;
  if (!booking || !discloseBooking(actor, booking))
    throw new HttpError(404, 'BOOKING_NOT_FOUND', `No booking ${subject.bookingId}`);
  return booking.personId;
}

export function outcomeRoutes(deps: { db: PrismaClient; cases: CaseWorkflows }) {
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
        const key = { source: 'ENTERED', sourceRef: `${actor.id}:${body.entryId}` };
        const existing = await db.outcome.findUnique({ where: { source_sourceRef: key } });
        if (existing) return { status: 200, body: { outcomeId: existing.id, created: false } };
        try {
          const outcome = await db.outcome.create({
            data: {
              ...key,
              personId,
              kind: body.kind,
              occurredOn: new Date(`${body.occurredOn}T00:00:00Z`),
              level: body.level,
              agency: body.agency,
              recordedById: actor.id,
              recordedByRole: actor.role,
              requestId: req.requestId!,
            },
          });
          return { status: 201, body: { outcomeId: outcome.id, created: true } };
        } catch (err) {
          if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
          const winner = await db.outcome.findUniqueOrThrow({ where: { source_sourceRef: key } });
          return { status: 200, body: { outcomeId: winner.id, created: false } };
        }
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
