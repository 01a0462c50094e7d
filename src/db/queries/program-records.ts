/**
 * Issue 26: a program's cases and bookings are those whose ids carry its case id prefix (`BUR-…`,
 * `BUR-BK-…`): the condition in SQL (`LIKE`) and in Prisma.
 */
export const idsOfProgram = (caseIdPrefix: string) => `${caseIdPrefix}-%`;
export const inProgram = (caseIdPrefix: string) => ({ id: { startsWith: `${caseIdPrefix}-` } });
