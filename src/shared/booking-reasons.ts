/** R-EVAL, R-EL-NORIGHT: why a checked referral was booked instead of diverted. */
export const BOOKING_REASONS = ['INELIGIBLE', 'OFFICER_DECISION'] as const;
export type BookingReason = (typeof BOOKING_REASONS)[number];
