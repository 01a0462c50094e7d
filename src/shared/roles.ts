/** The people of PROTOCOL.md ("People and roles"), plus the service itself for automatic events. */
export const ROLES = [
  'officer',
  'sergeant',
  'case_manager',
  'prosecutor',
  'project_manager',
  'supervisor',
  'doc_nci',
  /** R-EVAL: a researcher the Policy Coordinating Group arranged: evaluation figures and de-identified data only. */
  'evaluator',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role | 'system';
  /** A prosecutor's office (R-JURISDICTION: their filing decisions and packet reviews are the office's). */
  office?: string;
  /** An officer's or sergeant's agency. */
  agency?: string;
}

/** Who submits a referral: an actor, with the badge their sign-in carries (never sent to a workflow). */
export interface Submitter extends Actor {
  badge?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'lead-service', role: 'system' };
