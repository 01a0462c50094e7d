/** A case's id: the program's prefix and ten characters derived from the submission id (`caseIdFor`). */
export const CASE_ID_PATTERN = /^[A-Z]{2,4}-[0-9A-HJKMNP-TV-Z]{10}$/;

/** A booking's id: the program's prefix, BK, and ten characters derived from the submission id (`bookingIdFor`). */
export const BOOKING_ID_PATTERN = /^[A-Z]{2,4}-BK-[0-9A-HJKMNP-TV-Z]{10}$/;

/** Issue 26: the prefix of a case or booking id (`BUR-…`, `BUR-BK-…` → `BUR`): its program's. */
export const caseIdPrefixOf = (recordId: string) => recordId.split('-', 1)[0];
