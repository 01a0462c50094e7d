/** What the draft reads of the arrest's referral record (the disclosed `ReferralRecord` of src/disclosure). */
interface ArrestRecord {
  agency: string;
  officerId: string;
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId: string | null };
  details: Record<string, unknown>;
}

/**
 * R-SC-FROM-ARREST (2026-12-02): a social-contact referral started from the arrest's record, as far as
 * the record says — the officer completes the rest (drivers, the catchment area, what was seen).
 */
export function socialContactDraftOf(caseId: string, record: ArrestRecord, referredOn: string) {
  const details = record.details as {
    incident?: { occurredOn?: string; narrative?: string };
    offenses?: Array<{ drug?: unknown }>;
    officer?: { id?: string };
  };
  const date = details.incident?.occurredOn ?? referredOn;
  return {
    fromArrest: caseId,
    agency: record.agency,
    source: { type: 'OFFICER' as const, referrerId: details.officer?.id ?? record.officerId ?? '' },
    person: {
      givenName: record.person.givenName,
      familyName: record.person.familyName,
      dateOfBirth: record.person.dateOfBirth,
      stateId: record.person.stateId ?? undefined,
    },
    // The arrest is a police record of a law violation (R-SC-PREREQ).
    verification: { bases: ['POLICE_RECORDS' as const] },
    drivers: details.offenses?.some((o) => o.drug) ? ['DRUG_ACTIVITY' as const] : [],
    ...(details.incident?.narrative ? { narrative: details.incident.narrative } : {}),
    violations: [{ date }],
  };
}
