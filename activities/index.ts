import type { ActivityDeps } from './activity-deps';
import { adoptCapacity, signalCapacity } from './capacity';
import { markFollowUp, remindFollowUp } from './follow-up';
import { openLinkedSocialContact } from './open-linked-social-contact';
import { produceMonthlyReport } from './produce-monthly-report';
import { produceEvaluation } from './produce-evaluation';
import { recordCaseProgress } from './record-case-progress';
import { sendNotices } from './send-notice';

/** The worker's activities, built from injected parts so tests run them against real local ones. */
export function createActivities(deps: ActivityDeps) {
  return {
    sendNotices: (notices: Parameters<typeof sendNotices>[1]) => sendNotices(deps, notices),
    recordCaseProgress: (progress: Parameters<typeof recordCaseProgress>[1]) => recordCaseProgress(deps, progress),
    signalCapacity: (request: Parameters<typeof signalCapacity>[1]) => signalCapacity(deps, request),
    adoptCapacity: (request: Parameters<typeof adoptCapacity>[1]) => adoptCapacity(deps, request),
    openLinkedSocialContact: (request: Parameters<typeof openLinkedSocialContact>[1]) =>
      openLinkedSocialContact(deps, request),
    produceMonthlyReport: (request: Parameters<typeof produceMonthlyReport>[1]) => produceMonthlyReport(deps, request),
    remindFollowUp: (request: Parameters<typeof remindFollowUp>[1]) => remindFollowUp(deps, request),
    markFollowUp: (request: Parameters<typeof markFollowUp>[1]) => markFollowUp(deps, request),
    produceEvaluation: (request?: Parameters<typeof produceEvaluation>[1]) => produceEvaluation(deps, request),
  };
}

export type LeadActivities = ReturnType<typeof createActivities>;
