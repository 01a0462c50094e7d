/** R-CONSENT: a release of information's id: the case's, and the sequence of the event that gave it. */
export const releaseIdOf = (caseId: string, givenSeq: number | undefined) => `${caseId}.${givenSeq ?? 'consent'}`;
