/**
 * From `from` (an ISO instant) until the next entry, the program's local time is UTC plus `minutes`
 * (-420 for Pacific daylight time).
 */
export interface UtcOffset {
  from: string;
  minutes: number;
}

/** Every duration the protocol names, in milliseconds; a jurisdiction configures them. */
export interface CasePolicy {
  sceneWindowMs: number;
  screeningOverdueAfterMs: number;
  intakeDeadlineMs: number;
  victimObjectionWindowMs: number;
  missedNoticeConfirmWithinMs: number;
  /** R-SC-APPROVAL (Decision): a social contact unreviewed this long is stuck. */
  approvalOverdueAfterMs: number;
  /** R-SC-REASSESS: how many calendar months an approval is good for. */
  approvalValidMonths: number;
  /** Case events after which a long-lived case continues as new (bounded history). */
  continueAsNewAfterEvents: number;
  /** R-EL-OVERRIDE (Decision): an override unreviewed this long is stuck. */
  overrideOverdueAfterMs: number;
  /** R-EL-WARRANT (Decision): a DOC NCI referral undecided this long is stuck. */
  nciDecisionOverdueAfterMs: number;
  /** R-VICTIM (Decision 2026-12-02): an office's filing decision after an objection is due this long after it. */
  victimFilingDecisionMs: number;
  /**
   * R-INTAKE (Decision 2026-12-02): the program's time zone: a deadline of whole days ends at the end of
   * the local day (the referral's local date plus the days).
   */
  timeZone: string;
  /**
   * R-INTAKE: that zone's UTC offsets from the case's start, in order, computed outside the workflow
   * (src/config/utc-offsets.ts) so that a replay on a host with other time-zone data computes the same
   * deadline.
   */
  utcOffsets: UtcOffset[];
}
