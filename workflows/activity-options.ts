import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';

/** The activities a case calls, each with the options (timeouts, retries, local or not) it is called with. */

// A notice is owed until it is delivered: retried without limit, backing off to every 10 minutes
// (R-MISSED: "retries until delivered"; a notice still undelivered after 7 days flags the case).
const NOTICE_RETRY = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' } as const;
// The notices one event owes are sent together. Owed by a person's action: one activity, so the
// action's answer never waits for SMTP. Owed by a clock or by the case's opening, which nobody waits on:
// a local activity inside that workflow task, so a deadline that comes due (the deadline storm) or a new
// referral costs the server one workflow task and no activity task. `sendNoticesInTask` is how a case
// started before PATCHES.oneLocalActivity does it (after 10 s of failures its retries wait on workflow
// timers); `sendNoticesOnceInTask` below is how every later case does.
export const { sendNotices } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '1 minute',
  // A worker that dies mid-send is noticed within 20 s, and the notices retried elsewhere.
  heartbeatTimeout: '20 seconds',
  retry: NOTICE_RETRY,
});
export const { sendNotices: sendNoticesInTask } = proxyLocalActivities<LeadActivities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry: NOTICE_RETRY,
});

// A case started with PATCHES.oneLocalActivity tries a clock's notices once inside the task: a failure
// hands them to `sendNotices`, whose retries wait in the server, so a case's one local activity at a
// time is never held by an SMTP outage.
export const { sendNotices: sendNoticesOnceInTask } = proxyLocalActivities<LeadActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 1 },
});

const ORDINARY_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
export const { signalCapacity, openLinkedSocialContact, adoptCapacity } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '30 seconds',
  retry: ORDINARY_RETRY,
});
// The projection is a short database write, idempotent by sequence number: as a local activity it runs
// inside the workflow task that made it owed, sparing the server a task dispatch and a workflow task
// per write.
// Its retries cost the server nothing, so it retries at least every 10 s while the database is down.
export const { recordCaseProgress: recordCaseProgressLocally } = proxyLocalActivities<LeadActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...ORDINARY_RETRY, maximumInterval: '10 seconds' },
});
