import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { text } from '../../shared/text-schema';
import type { LeadConfig } from '../../config/config-schema';
import { disclosePacket, discloseCase, discloseReferralRecord } from '../../disclosure';
import { localDate } from '../../eligibility/calendar-dates';
import { socialContactDraftOf } from '../../referrals/social-contact-draft';
import type { Database } from '../../db/queries/database';
import { auditTrailOf, disclosuresOfPersonOf, nominateForStaffing } from '../../db/queries/case-records';
import { recordAmendmentOf, rescindRelease } from '../../db/queries/releases';
import { monthOf } from '../../reports/report-month';
import { submissionHashOf } from '../../referrals/record-referral';
import { disclosuresCsv } from '../report-csv';
import { CASE_ACTION_NAMES, CASE_ACTIONS, type CaseActionName } from '../../case/actions';
import { inputOf } from '../../case/actions/inputs';
import type { CaseView } from '../../case/query-views';
import { isTerminal, NOT_DIVERTED_OUTCOMES, type Stage } from '../../shared/case-vocabulary';
import { CaseActionRejectedError, CaseNotRunningError, type CaseWorkflows } from '../../temporal/case-workflows';
import type { Role } from '../../shared/roles';
import type { RequestActor } from '../authentication';
import { errorBodySchema } from '../schemas/error-answer';
import { createdOrFound, route } from '../contract/route';
import { caseAnswerSchema, packetSchema } from '../schemas/case-answer';
import { actorSchema, caseIdParams, isoDateTime } from '../schemas/common';
import { CASE_ACTION_PATHS, STAFFING_NOMINATIONS_PATH } from '../case-action-routes';
import { offeredActions } from '../offered-actions';
import { withActorNames } from '../actor-names';
import { disclosedOr404, factsOf, referralFor, viewOfCase, type ReadableReferral } from '../case-reads';
import { HttpError } from '../http-error';
import { csvFile } from '../csv-download';
import { packetLabelsOf, renderPacketPdf } from '../packet-pdf';

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, '1–100 letters, digits, or . _ : -')
    .optional()
    .describe('Send the same key again to retry: the action is applied once (per person)'),
});

const nominationSchema = z.strictObject({
  reason: text({ min: 3, max: 500 }).describe('Briefly, why the partners should discuss this person (R-STAFFING)'),
});

/**
 * An Idempotency-Key counts once per person who sent it: the update id is derived from the action, the
 * caller and the key, so another person reusing a key never receives the first person's result. The
 * update carries the hash of the input and answers back the hash of the one it applied: Temporal
 * answers a resent update id with the first result, so a different hash there is the key reused with
 * another input — told apart without another round trip.
 */
const updateIdOf = (action: CaseActionName, actorId: string, key: string) =>
  `${action}:${createHash('sha256').update(`${actorId}\n${key}`).digest('base64url').slice(0, 32)}`;

const auditEntrySchema = z.strictObject({
  at: isoDateTime,
  requestId: z.string(),
  clientRequestId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  outcome: z.string().nullable(),
});

const disclosuresSchema = z.strictObject({
  caseId: z.string(),
  disclosures: z.array(
    z.strictObject({
      at: isoDateTime,
      actorId: z.string(),
      actorName: z.string().nullable().describe("The account's display name, where the service has the account"),
      actorRole: z.string(),
      actorOffice: z.string().nullable(),
      actorAgency: z.string().nullable(),
      caseId: z.string(),
      kinds: z.array(z.string()),
      basis: z.string(),
      releaseId: z.string().nullable(),
      channel: z.string(),
      requestId: z.string().nullable(),
    }),
  ),
});

const nominationAnswerSchema = z.strictObject({
  caseId: z.string(),
  forMonth: z.string(),
  nominatedBy: actorSchema,
  reason: z.string(),
  at: isoDateTime,
  created: z.boolean(),
});

const CASE_TAG = 'Cases';

/** R-SC-FROM-ARREST: the draft is a partial social-contact submission (the officer completes it). */
const socialContactDraftSchema = z.strictObject({
  draft: z.strictObject({
    fromArrest: z.string(),
    agency: z.string(),
    source: z.strictObject({ type: z.literal('OFFICER'), referrerId: z.string() }),
    person: z.strictObject({
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string(),
      stateId: z.string().optional(),
    }),
    verification: z.strictObject({ bases: z.array(z.string()) }),
    drivers: z.array(z.string()),
    narrative: z.string().optional(),
    violations: z.array(z.strictObject({ date: z.string() })),
  }),
});

export function caseRoutes(deps: { db: Database; cases: CaseWorkflows; config: LeadConfig }) {
  const { db, cases, config } = deps;

  /** The case as this reader may see it (R-ROI), with the actions their role may take on it now. */
  async function answer(req: Request, actor: RequestActor, referral: ReadableReferral, view: CaseView) {
    const disclosed = disclosedOr404(req, referral.id, discloseCase(actor, await factsOf(db, referral, view)));
    return {
      ...(await withActorNames(db, disclosed)),
      actions: offeredActions({ ...actor, submitted: referral.submittedById === actor.id }, view),
    };
  }

  /**
   * R-PACKET: the packet as the disclosure policy gives it to this reader (404 for a case they may not
   * see), its disclosure recorded with the request's audit row (R-DISCLOSE) — the JSON and the PDF alike.
   */
  async function packetFor(req: Request, actor: RequestActor, caseId: string) {
    const referral = await referralFor(db, actor, caseId);
    const facts = await factsOf(db, referral, await viewOfCase(deps, referral.id));
    return disclosedOr404(req, referral.id, disclosePacket(actor, facts));
  }

  /** R-DISCLOSE: the accounting of disclosures of the person of this case, over all their cases. */
  async function disclosuresOf(actor: RequestActor, caseId: string) {
    const referral = await referralFor(db, actor, caseId);
    // Who was shown the information, by name where the service has their account.
    const { rows, names } = await disclosuresOfPersonOf(db, referral);
    return {
      caseId: referral.id,
      disclosures: rows.map((d) => ({
        at: d.at.toISOString(),
        actorId: d.actorId,
        actorName: names.get(d.actorId) ?? null,
        actorRole: d.actorRole,
        actorOffice: d.actorOffice,
        actorAgency: d.actorAgency,
        caseId: d.caseId,
        kinds: d.kinds,
        basis: d.basis,
        releaseId: d.releaseId,
        channel: d.channel,
        requestId: d.requestId,
      })),
    };
  }

  const disclosureContract = {
    tag: CASE_TAG,
    method: 'get',
    access: { permission: 'disclosures.read' },
    params: caseIdParams,
  } as const;

  return [
    route(
      {
        method: 'get',
        path: '/cases/:caseId',
        operationId: 'getCase',
        tag: CASE_TAG,
        summary: 'A case as the reader may see it (R-ROI), with the actions their role may take on it now',
        access: { permission: 'case.read' },
        params: caseIdParams,
        responses: { 200: { description: 'The case', schema: caseAnswerSchema } },
      },
      async ({ req, actor, params }) => {
        const referral = await referralFor(db, actor, params.caseId);
        return { status: 200, body: await answer(req, actor, referral, await viewOfCase(deps, referral.id)) };
      },
    ),
    route(
      {
        method: 'get',
        path: '/cases/:caseId/packet',
        operationId: 'getPacket',
        tag: CASE_TAG,
        summary: 'R-PACKET: the diversion packet, for the office(s) with jurisdiction and the other readers of it',
        access: { permission: 'case.read' },
        params: caseIdParams,
        responses: { 200: { description: 'The packet', schema: packetSchema } },
      },
      async ({ req, actor, params }) => ({ status: 200, body: await packetFor(req, actor, params.caseId) }),
    ),
    route(
      {
        method: 'get',
        path: '/cases/:caseId/packet.pdf',
        operationId: 'getPacketPdf',
        tag: CASE_TAG,
        summary:
          'R-PACKET: the diversion packet as PDF — a cover sheet (case, office, rules, when generated), then the packet as GET …/packet gives it to this reader',
        access: { permission: 'case.read' },
        params: caseIdParams,
        responses: {
          200: { description: 'The packet, as a PDF download named after the case id', contentType: 'application/pdf' },
        },
      },
      async ({ req, res, actor, params }) => {
        const packet = await packetFor(req, actor, params.caseId);
        const pdf = await renderPacketPdf({
          packet,
          reader: { id: actor.id, role: actor.role, office: actor.office },
          generatedAt: new Date(),
          timeZone: config.program.timezone,
          programName: config.program.name,
          labels: packetLabelsOf(config),
        });
        // Personal data: kept by the reader who saved it, never by a cache on the way.
        res.set('Cache-Control', 'private, no-store');
        return {
          status: 200,
          file: { contentType: 'application/pdf', filename: `${packet.caseId}.pdf`, content: pdf },
        };
      },
    ),
    route(
      {
        method: 'get',
        path: '/cases/:caseId/social-contact-draft',
        operationId: 'getSocialContactDraft',
        tag: CASE_TAG,
        summary:
          'R-SC-FROM-ARREST: a social-contact referral pre-filled from the record of an arrest that was not diverted (override denied, NCI declined)',
        access: { permission: 'referral.create' },
        params: caseIdParams,
        responses: {
          200: {
            description: 'The draft, for POST /api/referrals/social-contacts once completed',
            schema: socialContactDraftSchema,
          },
          409: { description: 'The person was diverted on this arrest', schema: errorBodySchema },
        },
      },
      async ({ req, actor, params }) => {
        const referral = await referralFor(db, actor, params.caseId);
        const view = await viewOfCase(deps, referral.id);
        if (referral.type !== 'ARREST_DIVERSION' || !view.outcome || !NOT_DIVERTED_OUTCOMES.includes(view.outcome))
          throw new HttpError(
            409,
            'DIVERTED',
            `Case ${referral.id} is ${view.stage}${view.outcome ? ` (${view.outcome})` : ''}: only a person not diverted on the arrest (override denied, NCI declined) is referred from it as a social contact (R-SC-FROM-ARREST)`,
            { ruleId: 'R-SC-FROM-ARREST', stage: view.stage },
          );
        const record = disclosedOr404(
          req,
          referral.id,
          discloseReferralRecord(actor, await factsOf(db, referral, view)),
        );
        return {
          status: 200,
          body: {
            draft: socialContactDraftOf(
              referral.id,
              record,
              localDate(new Date(view.referredAt), config.program.timezone),
            ),
          },
        };
      },
    ),
    route(
      {
        method: 'get',
        path: '/cases/:caseId/audit',
        operationId: 'getCaseAudit',
        tag: CASE_TAG,
        summary: "The case's audit trail: every request that touched it, oldest first",
        access: { permission: 'audit.read' },
        params: caseIdParams,
        responses: {
          200: {
            description: 'The audit trail',
            schema: z.strictObject({ caseId: z.string(), entries: z.array(auditEntrySchema) }),
          },
        },
      },
      async ({ actor, params }) => {
        const referral = await referralFor(db, actor, params.caseId);
        const entries = await auditTrailOf(db, referral);
        const body = {
          caseId: referral.id,
          entries: entries.map((e) => ({
            at: e.at.toISOString(),
            requestId: e.requestId,
            clientRequestId: e.clientRequestId,
            actorId: e.actorId,
            actorRole: e.actorRole,
            action: e.action,
            method: e.method,
            path: e.path,
            status: e.status,
            outcome: e.outcome,
          })),
        };
        return { status: 200, body };
      },
    ),
    route(
      {
        ...disclosureContract,
        path: '/cases/:caseId/disclosures',
        operationId: 'getDisclosures',
        summary: "R-DISCLOSE: the accounting of disclosures of the case's person, over all their cases",
        responses: { 200: { description: 'The accounting', schema: disclosuresSchema } },
      },
      async ({ actor, params }) => ({ status: 200, body: await disclosuresOf(actor, params.caseId) }),
    ),
    route(
      {
        ...disclosureContract,
        path: '/cases/:caseId/disclosures.csv',
        operationId: 'getDisclosuresCsv',
        summary: 'R-DISCLOSE: the accounting of disclosures as CSV',
        responses: { 200: { description: 'The accounting, one disclosure per row', contentType: 'text/csv' } },
      },
      async ({ actor, params }) => {
        const { caseId, disclosures } = await disclosuresOf(actor, params.caseId);
        return {
          status: 200,
          file: csvFile(`lead-disclosures-${caseId}.csv`, disclosuresCsv(disclosures, config.program.timezone)),
        };
      },
    ),
    route(
      {
        method: 'post',
        path: `/cases/:caseId/${STAFFING_NOMINATIONS_PATH}`,
        operationId: 'nominateForStaffing',
        tag: CASE_TAG,
        summary: "R-STAFFING: nominate the person for this month's staffing meeting, saying why",
        access: { permission: 'staffing.nominate' },
        params: caseIdParams,
        body: nominationSchema,
        responses: {
          201: { description: 'Nominated', schema: nominationAnswerSchema },
          200: { description: 'This person had already nominated the case this month', schema: nominationAnswerSchema },
          409: { description: 'The case is closed (R-STAFFING)', schema: errorBodySchema },
        },
      },
      async ({ req, actor, params, body }) => {
        const referral = await referralFor(db, actor, params.caseId);
        if (isTerminal(referral.stage as CaseView['stage'])) {
          throw new HttpError(
            409,
            'STAGE_CONFLICT',
            `Case ${referral.id} is closed (${referral.stage}): there is nothing left to staff (R-STAFFING)`,
            { ruleId: 'R-STAFFING', stage: referral.stage },
          );
        }
        const forMonth = monthOf(new Date(), config.program.timezone);
        const { nomination, created } = await nominateForStaffing(db, referral, {
          forMonth,
          reason: body.reason,
          nominatedById: actor.id,
          nominatedByRole: actor.role,
          requestId: req.requestId!,
        });
        return createdOrFound(created, {
          caseId: referral.id,
          forMonth,
          nominatedBy: { id: nomination.nominatedById, role: nomination.nominatedByRole as Role },
          reason: nomination.reason,
          at: nomination.at.toISOString(),
          created,
        });
      },
    ),
    ...CASE_ACTION_NAMES.map((action) =>
      route(
        {
          method: 'post',
          path: `/cases/:caseId/${CASE_ACTION_PATHS[action]}`,
          operationId: action,
          tag: CASE_TAG,
          summary: inputOf(action).description ?? action,
          access: { permission: `case.${action}` },
          params: caseIdParams,
          headers: idempotencyHeaders,
          body: inputOf(action),
          responses: {
            200: { description: 'Recorded: the case after the action', schema: caseAnswerSchema },
            409: {
              description: "The case's stage or a rule does not allow it; the stage and rule are named",
              schema: errorBodySchema,
            },
            422: {
              description:
                'The Idempotency-Key was already used for this action with another body: the first stands, this one was not applied',
              schema: errorBodySchema,
            },
          },
        },
        async ({ req, actor, params, headers, body }) => {
          const referral = await referralFor(db, actor, params.caseId);
          const key = headers['idempotency-key'];
          const after = await act(req, actor, referral, action, body, key);
          return { status: 200, body: await answer(req, actor, after.referral, after.view) };
        },
      ),
    ),
  ];

  async function act(
    req: Request,
    actor: RequestActor,
    referral: ReadableReferral,
    action: CaseActionName,
    input: unknown,
    key: string | undefined,
  ): Promise<{ referral: ReadableReferral; view: CaseView }> {
    // Identity (PROTOCOL.md, 2026-12-02): the reviews a sergeant never makes of a referral they submitted.
    const ownReview = (CASE_ACTIONS[action] as { notBySubmitter?: string }).notBySubmitter;
    if (ownReview && referral.submittedById === actor.id)
      throw new HttpError(
        403,
        'OWN_SUBMISSION',
        `You submitted case ${referral.id}: another sergeant reviews it (${ownReview}; a sergeant never approves what they submitted)`,
        { ruleId: ownReview },
      );
    const bodyHash = key ? submissionHashOf(input).slice(0, 32) : undefined;
    try {
      const accepted = await cases.act(
        referral.id,
        action,
        {
          caseId: referral.id,
          actor: {
            id: actor.id,
            role: actor.role,
            // R-JURISDICTION: a prosecutor decides and reviews for their own office.
            ...(actor.role === 'prosecutor' && actor.office ? { office: actor.office } : {}),
          },
          input: input as never,
          requestId: req.requestId,
          ...(bodyHash ? { bodyHash } : {}),
        },
        key ? updateIdOf(action, actor.id, key) : undefined,
      );
      // An update applied before updates answered their hash cannot be told apart: it is taken as the retry.
      if (key && accepted.bodyHash !== undefined && accepted.bodyHash !== bodyHash) {
        const message = `already used for ${action} on case ${referral.id} with another body: that action stands and this one was not applied — a new action needs a new key`;
        throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was ${message}`, {
          fields: [{ field: 'idempotency-key', message }],
        });
      }
      // R-CONSENT: a rescission ends what partners may read from the next read on, in lists too.
      if (action === 'rescindConsent')
        await rescindRelease(db, { referralId: referral.id, at: new Date(), byId: actor.id });
      // The case after the action, read with the query (an update's result stays compact in history).
      const view = await viewOfCase(deps, referral.id);
      // R-CONSENT (Decision 2026-12-02): lists read the amended version from the next read on.
      if (action === 'amendRelease') await recordAmendmentOf(db, referral.id, view.consent);
      return { referral, view };
    } catch (err) {
      if (err instanceof CaseActionRejectedError) {
        const { code, message, ruleId, stage, field } = err.rejection;
        if (code === 'INVALID_FIELD')
          throw new HttpError(400, 'VALIDATION_FAILED', message, {
            ruleId,
            fields: [{ field: field ?? '(body)', message }],
          });
        throw new HttpError(409, code, message, { ruleId, stage });
      }
      if (err instanceof CaseNotRunningError) {
        // Recorded but not closed: its workflow is not started yet (the reconciler starts it) or the
        // engine is still loading it after a restart. Nothing was applied; the same request may be resent.
        if (!isTerminal(referral.stage as Stage)) {
          throw new HttpError(
            503,
            'CASE_NOT_READY',
            `Case ${referral.id} cannot take actions at this moment; nothing was recorded — send the same request again shortly`,
            { stage: referral.stage },
          );
        }
        if (action === 'rescindConsent') return rescindAfterClosing(actor, referral);
        throw new HttpError(
          409,
          'STAGE_CONFLICT',
          `Case ${referral.id} is closed (${referral.stage}): no further actions are possible`,
          { stage: referral.stage },
        );
      }
      throw err;
    }
  }

  /** R-CONSENT: "consent may be rescinded at any time" — after the case closed too, ending what partners may read of it. */
  async function rescindAfterClosing(actor: RequestActor, referral: ReadableReferral) {
    if (!(await rescindRelease(db, { referralId: referral.id, at: new Date(), byId: actor.id }))) {
      throw new HttpError(
        409,
        'RULE_CONFLICT',
        `Case ${referral.id} is closed and has no release of information in force to rescind (R-CONSENT)`,
        { ruleId: 'R-CONSENT', stage: referral.stage },
      );
    }
    return { referral, view: await viewOfCase(deps, referral.id) };
  }
}
