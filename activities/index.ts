import type { LeadConfig } from '../src/config/config-schema';
import type { PrismaClient } from '../src/generated/prisma/client';
import type { CaseProgress, NoticeRequest } from '../src/shared/activity-contract';
import type { Mailer } from '../src/mail/mailer';
import { recordCaseProgress } from './record-case-progress';
import { sendNotice } from './send-notice';

export interface ActivityDeps {
  db: PrismaClient;
  mailer: Mailer;
  config: LeadConfig;
}

/** The worker's activities, built from injected parts so tests run them against real local ones. */
export function createActivities(deps: ActivityDeps) {
  return {
    sendNotice: (notice: NoticeRequest) => sendNotice(deps, notice),
    recordCaseProgress: (progress: CaseProgress) => recordCaseProgress(deps, progress),
  };
}

export type LeadActivities = ReturnType<typeof createActivities>;
