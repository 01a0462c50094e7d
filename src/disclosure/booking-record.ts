import type { Booking, Person, Prisma } from '../generated/prisma/client';
import type { BookingReason } from '../shared/booking-reasons';
import type { DisclosureEntry } from './disclosure-entry';
import { referralDetailsOf } from './case-sections';
import { accessFor, readableCasesWhere, relationOf, type ReaderIdentity } from './policy';

/**
 * R-EVAL, R-ROI: a booking of the comparison pool is a police record — read by the readers of a
 * referral record of the same parties (the officer, the agency's sergeants, the offices with
 * jurisdiction, the program), each reading a recorded disclosure; nobody else learns it exists.
 */
export function discloseBooking(reader: ReaderIdentity, booking: Booking & { person: Person }) {
  const access = accessFor(reader.role, relationOf(reader, { ...booking, routedToDocNci: false }), 'NONE');
  if (!access.referralRecord) return undefined;
  const eligibility = booking.eligibility as {
    eligible?: boolean;
    reasons?: Array<{ ruleId: string; message: string }>;
  };
  const entry: DisclosureEntry | undefined = access.accounted
    ? { personId: booking.personId, caseId: booking.id, kinds: ['REFERRAL_RECORD'], basis: access.basis }
    : undefined;
  return {
    body: {
      bookingId: booking.id,
      reason: booking.reason as BookingReason,
      bookedAt: booking.bookedAt.toISOString(),
      agency: booking.agency,
      officerId: booking.officerId,
      prosecutorOffices: [...booking.prosecutorOffices],
      eligibility: { eligible: eligibility.eligible === true, reasons: eligibility.reasons ?? [] },
      person: {
        givenName: booking.person.givenName,
        familyName: booking.person.familyName,
        dateOfBirth: booking.person.dateOfBirth.toISOString().slice(0, 10),
        stateId: booking.person.stateId,
      },
      details: referralDetailsOf(booking.details),
    },
    entry,
  };
}

/**
 * The bookings a reader may know of at all: the cases' filter (the same parties' columns), except that
 * no booking is routed to the DOC NCI team.
 */
export function readableBookingsWhere(reader: ReaderIdentity): Prisma.BookingWhereInput {
  if (reader.role === 'doc_nci') return { id: { in: [] } };
  return readableCasesWhere(reader) as Prisma.BookingWhereInput;
}

/** A booking in a list: codes and dates, nothing of the person (no disclosure). */
export function bookingRowOf(b: Booking) {
  const eligibility = b.eligibility as { reasons?: Array<{ ruleId: string }> };
  return {
    bookingId: b.id,
    reason: b.reason as BookingReason,
    bookedAt: b.bookedAt.toISOString(),
    agency: b.agency,
    prosecutorOffices: [...b.prosecutorOffices],
    ruleIds: (eligibility.reasons ?? []).map((r) => r.ruleId),
  };
}
