import type { Referral } from '../generated/prisma/client';

export interface CaseLinks {
  /** Base address of the Temporal Web UI and the namespace, for links to a case's workflow. */
  temporalUi: string;
  namespace: string;
}

/**
 * A case as lists show it: program status only — codes and dates, nothing of the referral record or the
 * case-management record (R-ROI), so every reader who may see the case may see its row.
 */
export function caseRow(r: Referral, links: CaseLinks) {
  return {
    caseId: r.id,
    type: r.type,
    stage: r.stage,
    agency: r.agency,
    prosecutorOffice: r.prosecutorOffice,
    prosecutorOffices: r.prosecutorOffices,
    referredAt: r.referredAt?.toISOString() ?? null,
    nextDeadline: r.nextDeadlineAt ? { dueAt: r.nextDeadlineAt.toISOString(), ruleId: r.nextDeadlineRule } : null,
    stuckReasons: r.stuckReasons,
    links: {
      case: `/cases/${encodeURIComponent(r.id)}`,
      temporal: `${links.temporalUi.replace(/\/$/, '')}/namespaces/${encodeURIComponent(links.namespace)}/workflows/${encodeURIComponent(r.id)}`,
    },
  };
}
