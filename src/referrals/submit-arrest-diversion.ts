import { createHash } from 'node:crypto';
import type { LeadConfig } from '../config/config-schema';
import { casePolicyOf } from '../config/load-config';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../api/http-error';
import type { ArrestDiversionInput, CaseView, OffenseLevel } from '../shared/case-model';
import type { Actor } from '../shared/roles';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { caseIdFor } from './case-id';
import { mostSerious, routeToOffice } from './prosecutor-routing';
import type { ArrestDiversionSubmission } from './referral-schema';

export interface SubmissionResult {
  caseId: string;
  created: boolean;
  view?: CaseView;
}

interface Deps {
  db: PrismaClient;
  cases: CaseWorkflows;
  config: LeadConfig;
}

/** JSON with sorted keys, so the same submission always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const CLOCK_SKEW_MS = 5 * 60_000;

function checkReferredAt(config: LeadConfig, referredAt: string | undefined, now: number): void {
  if (!referredAt) return;
  const at = Date.parse(referredAt);
  const field = (message: string) => new HttpError(400, 'VALIDATION_FAILED', `Invalid request body: referredAt: ${message}`, { fields: [{ field: 'referredAt', message }] });
  if (at > now + CLOCK_SKEW_MS) throw field('cannot be in the future');
  if (at < now - config.durations.maxReferralBackdate) throw field('is older than a referral may be sent late; submit it to the sergeant instead (R-INTAKE)');
}

/**
 * Records an arrest-diversion referral and starts its workflow — idempotently: the submission id is
 * the business key, so resubmitting (or twenty concurrent copies) yields one referral row and one
 * workflow, and a reused submission id with different content is refused.
 */
export async function submitArrestDiversion(deps: Deps, body: ArrestDiversionSubmission, actor: Actor): Promise<SubmissionResult> {
  const { db, cases, config } = deps;
  checkReferredAt(config, body.referredAt, Date.now());
  const levels: OffenseLevel[] = body.offenses.map((o) => o.level ?? config.offenses[o.code].defaultLevel);
  const offenseLevel = mostSerious(levels);
  const office = routeToOffice(config, { level: offenseLevel, agency: body.agency, withinCityLimits: body.incident.withinCityLimits });
  if (!office) {
    throw new HttpError(400, 'NO_JURISDICTION', `No prosecutor office is configured for a ${offenseLevel} referred by ${body.agency} ${body.incident.withinCityLimits ? 'inside' : 'outside'} city limits (R-JURISDICTION)`, { ruleId: 'R-JURISDICTION', fields: [{ field: 'incident.withinCityLimits', message: 'no routing rule matches' }] });
  }
  const victimCrime = body.victim?.identifiable ?? body.offenses.some((o) => config.offenses[o.code].victimOffense);
  const caseId = caseIdFor(config.program.caseIdPrefix, body.submissionId);
  const submissionHash = createHash('sha256').update(canonical(body)).digest('hex');

  const created = await recordReferral(db, { caseId, submissionHash, body, office, offenseLevel, victimCrime, actor });

  const input: ArrestDiversionInput = {
    referralId: caseId,
    agency: body.agency,
    prosecutorOffice: office,
    offenseLevel,
    victimCrime,
    policy: casePolicyOf(config),
    referredAt: body.referredAt ? new Date(body.referredAt).toISOString() : undefined,
  };
  await cases.startArrestDiversion(input);
  await db.referral.updateMany({ where: { id: caseId, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  const view = await cases.view(caseId).catch(() => undefined);
  return { caseId, created, view };
}

async function recordReferral(
  db: PrismaClient,
  r: { caseId: string; submissionHash: string; body: ArrestDiversionSubmission; office: string; offenseLevel: OffenseLevel; victimCrime: boolean; actor: Actor },
): Promise<boolean> {
  const sameSubmission = async () => {
    const existing = await db.referral.findUnique({ where: { submissionId: r.body.submissionId } });
    if (existing && existing.submissionHash !== r.submissionHash) {
      throw new HttpError(409, 'SUBMISSION_ID_REUSED', `submissionId ${r.body.submissionId} was already used for referral ${existing.id} with different content; a new referral needs a new submissionId`, { fields: [{ field: 'submissionId', message: 'already used for a different referral' }] });
    }
    return existing;
  };
  if (await sameSubmission()) return false;
  const { person, agency, officer, offenses, incident, victim } = r.body;
  try {
    await db.$transaction(async (tx) => {
      const dateOfBirth = new Date(`${person.dateOfBirth}T00:00:00Z`);
      const known = await tx.person.findFirst({
        where: {
          dateOfBirth,
          givenName: { equals: person.givenName, mode: 'insensitive' },
          familyName: { equals: person.familyName, mode: 'insensitive' },
          stateId: person.stateId ?? null,
        },
      });
      const personId = known?.id ?? (await tx.person.create({ data: { givenName: person.givenName, familyName: person.familyName, dateOfBirth, stateId: person.stateId } })).id;
      await tx.referral.create({
        data: {
          id: r.caseId,
          submissionId: r.body.submissionId,
          submissionHash: r.submissionHash,
          type: 'ARREST_DIVERSION',
          personId,
          agency,
          officerId: officer.id,
          prosecutorOffice: r.office,
          details: { officer, offenses, incident, victim: victim ?? null, offenseLevel: r.offenseLevel, victimCrime: r.victimCrime, submittedBy: { id: r.actor.id, role: r.actor.role } },
        },
      });
    });
    return true;
  } catch (err) {
    // A concurrent copy of the same submission won the race: answer with its referral.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' && (await sameSubmission())) return false;
    throw err;
  }
}
