import type { Referral } from '../generated/prisma/client';

export interface CaseLinks {
  /** Base address of the Temporal Web UI and the namespace, for links to a case's workflow. */
  temporalUi: string;
  namespace: string;
}

/** A case as lists show it: codes and dates, no personal data (lists never need it). */
export function caseRow(r: Referral, links: CaseLinks) {
  return {
    caseId: r.id,
    type: r.type,
    stage: r.stage,
    agency: r.agency,
    prosecutorOffice: r.prosecutorOffice,
    referredAt: r.referredAt?.toISOString() ?? null,
    nextDeadline: r.nextDeadlineAt ? { dueAt: r.nextDeadlineAt.toISOString(), ruleId: r.nextDeadlineRule } : null,
    stuckReasons: r.stuckReasons,
    links: {
      case: `/cases/${encodeURIComponent(r.id)}`,
      temporal: `${links.temporalUi.replace(/\/$/, '')}/namespaces/${encodeURIComponent(links.namespace)}/workflows/${encodeURIComponent(r.id)}`,
    },
  };
}
