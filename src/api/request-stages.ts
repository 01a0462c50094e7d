import type { Request, RequestHandler } from 'express';
import { OTHER_STAGE, StageClock } from '../process/stage-clock';

declare module 'express-serve-static-core' {
  interface Request {
    /** Where this request's time goes (`lead_request_stage_seconds`); `reported` for routes that export it. */
    stages?: { clock: StageClock; reported: boolean };
  }
}

/**
 * A referral submission's stages in the order it runs them (issue 25 item 1), as the metric names
 * them; a stage a submission does not need (no protective orders, no participant to alert) is absent
 * from its request. The bench lists them in this order, operators read them here.
 */
export const SUBMISSION_STAGES: Record<string, string> = {
  authentication: 'the bearer token verified and its session checked against the account',
  rate_limits: 'the per-person limits on referrals and on protective-order checks, counted in PostgreSQL',
  body_parse: 'the raw body: its encoding, JSON, depth and text PostgreSQL can store',
  body_validation: "the body through the route's zod schema",
  prior_referrals: "R-EL-PRIOR: the person's earlier referrals (their disclosure rows are written with the audit row)",
  existing_submission: 'the submission id looked up: a repeat answers with its case',
  eligibility:
    "the submitter's identity, a booking of the same submission, the eligibility engine (R-EL, R-EX) or the social-contact prerequisites (R-SC-PREREQ)",
  protective_orders: "R-EX-ORDER: each order checked against today's participants",
  record_referral:
    'the transaction that records the referral row (a concurrent copy of the submission loses on its unique id)',
  person_match: 'inside it, the person matched or created under their advisory lock',
  workflow_start: 'the case workflow started (Temporal)',
  mark_started: 'the referral marked started',
  coordination_alert: "R-COORD: the person's enrolled cases looked up, each alerted",
  workflow_signal: 'inside it, each alert signalled (Temporal)',
  workflow_query: "the case queried (Temporal): only a repeated submission's answer reads it",
  initial_view: "the new case's view built from its start input with the workflow's own code",
  case_status:
    'the program status its submitter may see: the case read through their scope (R-ROI), then the disclosure policy',
  answer: 'the next steps in words and the answer checked against its schema',
  audit: 'the audit row and the disclosure rows, in one transaction, before the answer leaves',
  [OTHER_STAGE]: 'everything else: routing, the permission check, cookies and CSRF, serialising and writing the answer',
};

/** Starts a request's stage clock (the metrics middleware, as the request arrives). */
export function startStages(req: Request): StageClock {
  const clock = new StageClock();
  req.stages = { clock, reported: false };
  return clock;
}

/**
 * A middleware timed as `stage`: from its start until it hands the request on (or fails), with the
 * code it calls inside the request's clock. After it the time is `other` until a next stage begins.
 */
export function timedStage(stage: string, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const clock = req.stages?.clock;
    if (!clock) return handler(req, res, next);
    const leave = () => void clock.enter(OTHER_STAGE);
    clock.enter(stage);
    try {
      const result: unknown = clock.run(() =>
        handler(req, res, (err?: unknown) => {
          leave();
          next(err);
        }),
      );
      if (result instanceof Promise)
        return result.catch((err: unknown) => {
          leave();
          throw err;
        });
      return result;
    } catch (err) {
      leave();
      throw err;
    }
  };
}
