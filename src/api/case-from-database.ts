import { recordedStartOf } from '../db/queries/cases';
import type { Database } from '../db/queries/database';
import type { ArrestDiversionInput, SocialContactInput } from '../case/start-inputs';
import type { CaseView } from '../case/query-views';
import { evolve } from '../case/case-events';
import { viewOf } from '../case/case-view';
import { openArrestDiversion, openSocialContact } from '../case/open-case';
import { recordedHistory, withHistory } from './recorded-history';

type RecordedStart =
  { type: 'arrestDiversion'; input: ArrestDiversionInput } | { type: 'socialContact'; input: SocialContactInput };

/**
 * A closed case whose workflow can no longer answer (retention) is rebuilt from its recorded start and
 * events with the workflow's own pure code, so it reads exactly as an open case does; its history is the
 * recorded one, as for an open case (`withRecordedHistory`).
 */
export async function caseFromDatabase(db: Database, caseId: string): Promise<CaseView> {
  const { referral, firstEventAt } = await recordedStartOf(db, caseId);
  const start = (referral.details as { workflow?: RecordedStart }).workflow;
  if (!start) throw new Error(`Case ${caseId} has no recorded start`);
  const firstAt = firstEventAt?.getTime() ?? referral.createdAt.getTime();
  const { state } =
    start.type === 'arrestDiversion'
      ? openArrestDiversion(start.input, firstAt)
      : openSocialContact(start.input, firstAt);
  const history = await recordedHistory(db, caseId, referral.agency);
  for (const event of history.events) {
    state.seq = event.seq;
    evolve(state, event);
  }
  state.projectedSeq = state.seq;
  return withHistory(db, viewOf(state), history);
}
