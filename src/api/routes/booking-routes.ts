import { BOOKING_REASONS } from '../../shared/booking-reasons';
import type { RequestHandler } from 'express';
import { alertParticipantCases } from '../../referrals/coordination';
import { z } from 'zod';
import { text } from '../../shared/text-schema';
import type { LeadConfig } from '../../config/config-schema';
import { bookingRowOf, discloseBooking, protectiveOrderEntry } from '../../disclosure';
import { startFollowUps } from '../../evaluation/follow-ups';
import { recordBooking } from '../../evaluation/record-booking';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import type { Database } from '../../db/queries/database';
import { readableBooking, readableBookings, recordedBooking } from '../../db/queries/evaluation';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { recordDisclosure } from '../case-reads';
import { errorBodySchema } from '../schemas/error-answer';
import { createdOrFound, route } from '../contract/route';
import { HttpError } from '../http-error';
import { isoDateTime } from '../schemas/common';
import { personRecordSchema } from '../schemas/case-answer';
import { eligibilitySchema } from '../schemas/referral-answers';

const BOOKING_TAG = 'Comparison pool';
const bookingRowSchema = z.strictObject({
  bookingId: z.string(),
  reason: z.enum(BOOKING_REASONS),
  bookedAt: isoDateTime,
  agency: z.string(),
  prosecutorOffices: z.array(z.string()),
  ruleIds: z.array(z.string()),
});
const bookingRecordSchema = z.strictObject({
  bookingId: z.string(),
  reason: z.enum(BOOKING_REASONS),
  bookedAt: isoDateTime,
  agency: z.string(),
  officerId: z.string(),
  prosecutorOffices: z.array(z.string()),
  eligibility: z.strictObject({ eligible: z.boolean(), reasons: z.array(z.strictObject({ ruleId: z.string() })) }),
  person: personRecordSchema,
  details: z.record(z.string(), z.unknown()),
});
const bookingAnswerSchema = z.strictObject({
  bookingId: z.string(),
  created: z.boolean(),
  reason: z.enum(BOOKING_REASONS),
  eligibility: eligibilitySchema,
});

/** R-EVAL: the comparison pool — arrests that ended in booking instead of diversion. */
export function bookingRoutes(
  deps: { db: Database; cases: CaseWorkflows; config: LeadConfig },
  submissionLimit: RequestHandler,
  orderCheckLimit: RequestHandler,
) {
  const { db } = deps;
  return [
    route(
      {
        method: 'post',
        path: '/referrals/bookings',
        operationId: 'recordBooking',
        tag: BOOKING_TAG,
        summary:
          'Book instead of diverting (R-EL-NORIGHT): the checked referral joins the comparison pool with its reasons (R-EVAL)',
        access: { permission: 'booking.create' },
        body: arrestDiversionSchema(deps.config),
        responses: {
          201: { description: 'Recorded in the comparison pool', schema: bookingAnswerSchema },
          200: { description: 'The same submission was already recorded: its booking', schema: bookingAnswerSchema },
          409: { description: 'The submission id was diverted, or used for other content', schema: errorBodySchema },
          429: {
            description:
              'Too many submissions (or with protective orders, R-EX-ORDER) from this person in a short time',
            schema: errorBodySchema,
          },
        },
      },
      async ({ req, actor, body }) => {
        const result = await recordBooking(deps, body, actor, (p) => recordDisclosure(req, protectiveOrderEntry(p)));
        req.audit = { ...req.audit, caseId: result.bookingId };
        // The follow-ups start now if Temporal answers; otherwise the worker's reconciliation starts them.
        const booking = await recordedBooking(deps.db, result.bookingId);
        // R-COORD: a participant booked on a new charge alerts their case manager.
        await alertParticipantCases(deps, [booking.personId], () => ({ source: 'BOOKING', sourceId: booking.id }));
        await startFollowUps(
          deps,
          { recordId: booking.id, agency: booking.agency, startedAt: booking.bookedAt },
          deps.config,
        ).catch(() => undefined);
        return createdOrFound(result.created, result);
      },
      [submissionLimit],
      [orderCheckLimit],
    ),
    route(
      {
        method: 'get',
        path: '/bookings',
        operationId: 'listBookings',
        tag: BOOKING_TAG,
        summary: 'The bookings this reader may know of, newest first (codes and dates only)',
        access: { permission: 'booking.read' },
        responses: {
          200: { description: 'The bookings', schema: z.strictObject({ bookings: z.array(bookingRowSchema) }) },
        },
      },
      async ({ actor }) => {
        const rows = await readableBookings(db, actor);
        return { status: 200, body: { bookings: rows.map(bookingRowOf) } };
      },
    ),
    route(
      {
        method: 'get',
        path: '/bookings/:bookingId',
        operationId: 'getBooking',
        tag: BOOKING_TAG,
        summary: "A booking's record, for the readers of a referral record of the same parties (R-ROI, R-DISCLOSE)",
        access: { permission: 'booking.read' },
        params: z.strictObject({ bookingId: text({ max: 100, trim: false }).describe('The booking id (…-BK-…)') }),
        responses: { 200: { description: 'The booking', schema: bookingRecordSchema } },
      },
      async ({ req, actor, params }) => {
        const booking = await readableBooking(db, actor, params.bookingId);
        const disclosed = booking ? discloseBooking(actor, booking) : undefined;
        if (!disclosed) throw new HttpError(404, 'BOOKING_NOT_FOUND', `No booking ${params.bookingId}`);
        recordDisclosure(req, disclosed.entry);
        return { status: 200, body: disclosed.body };
      },
    ),
  ];
}
