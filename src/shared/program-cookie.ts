/**
 * Issue 26: the cookie holding the program a person of several works in on the pages, as they chose it
 * in the identity bar (no secret: it only chooses among the programs their sign-in names).
 */
export const PROGRAM_COOKIE = 'lead_program';
