export type DisclosedKind =
  | 'REFERRAL_RECORD'
  | 'CASE_MANAGEMENT_RECORD'
  | 'CASE_MANAGEMENT_SUMMARY'
  /** R-EVAL: a de-identified record of the person in an evaluator's export. */
  | 'DE_IDENTIFIED_RECORD'
  /** R-EX-ORDER: that the person is in LEAD today, told (never named) to an officer whose order protects them. */
  | 'PROGRAM_STATUS';

/** One row of the accounting of disclosures (R-DISCLOSE), before who/when/request are added. */
export interface DisclosureEntry {
  personId: string;
  caseId: string;
  kinds: DisclosedKind[];
  basis: string;
  releaseId?: string;
}
