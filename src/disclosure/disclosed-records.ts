import type { ReferralType } from '../shared/case-vocabulary';

/**
 * The records the disclosure policy judges, as the evaluation and the monthly report store them: declared
 * here, below their aggregates, so the policy names them without importing what queries them.
 */
export type RaceEthnicityAnswer = 'ANSWERED' | 'DECLINED' | 'NOT_ASKED';

export interface MilestoneRecord {
  milestone: string;
  reachedOn: string;
}

export interface DemographicsRecord {
  raceEthnicity: { answer: RaceEthnicityAnswer; categories: string[] };
  gender: string | null;
  preferredLanguage: string | null;
  housingAtReferral: string | null;
  recordedAt: string;
  recordedBy: string;
}

/**
 * A case of the staffing-meeting list, as stored: program status only. Who may be named is decided when
 * the list is read (R-STAFFING, R-ROI), against the releases and nominations of that moment.
 */
export interface StaffingRow {
  referralId: string;
  type: ReferralType;
  stage: string;
  referredOn: string;
  caseManagerId: string | null;
  nextDeadlineRule: string | null;
  nextDeadlineOn: string | null;
  stuck: string[];
}

export interface ClientRow {
  referralId: string;
  referralType: ReferralType;
  referredOn: string;
  screenedOn: string | null;
  consentOn: string | null;
  enrolledOn: string;
  status: 'ACTIVE' | 'EXITED';
  iipGoals: string[];
  servicesDelivered: string[];
  servicesWithdrawn: string[];
  exitOn: string | null;
  exitReason: string | null;
}
