import type { Referral } from '../generated/prisma/client';
import { listRowOf } from '../disclosure';

export interface CaseLinks {
  /** Base address of the Temporal Web UI and the namespace, for links to a case's workflow. */
  temporalUi: string;
  namespace: string;
}

/** A case as lists show it (the policy's program-status row), linked to its page and its workflow. */
export function caseRow(r: Referral, links: CaseLinks) {
  return {
    ...listRowOf(r),
    links: {
      case: `/cases/${encodeURIComponent(r.id)}`,
      temporal: `${links.temporalUi.replace(/\/$/, '')}/namespaces/${encodeURIComponent(links.namespace)}/workflows/${encodeURIComponent(r.id)}`,
    },
  };
}
