/**
 * Issue 26: how a person of several programs says which one they work in. The header names it per
 * request (the pages send the program they were loaded in); the cookie holds the one they chose in the
 * identity bar (no secret: either is taken only when it is one of the sign-in's programs).
 */
export const PROGRAM_HEADER = 'Lead-Program';
export const PROGRAM_COOKIE = 'lead_program';
