import type { RouteContract } from './route';
import type { sessionRoutes, signInRoutes } from '../routes/auth-routes';
import type { bookingRoutes } from '../routes/booking-routes';
import type { caseRoutes } from '../routes/case-routes';
import type { crossProgramRoutes } from '../routes/cross-program-routes';
import type { demographicsRoutes } from '../routes/demographics-routes';
import type { evaluationRoutes } from '../routes/evaluation-routes';
import type { followUpRoutes } from '../routes/follow-up-routes';
import type { formConfigRoutes } from '../routes/form-config-routes';
import type { outcomeRoutes } from '../routes/outcome-routes';
import type { programRoutes } from '../routes/program-routes';
import type { queueRoutes } from '../routes/queue-routes';
import type { referralRoutes } from '../routes/referral-routes';
import type { reportRoutes } from '../routes/report-routes';
import type { searchRoutes } from '../routes/search-routes';

type ContractsOf<F extends (...args: never[]) => ReadonlyArray<{ contract: RouteContract }>> =
  ReturnType<F>[number]['contract'];

/**
 * Every route contract the API serves, as a type: the clients derive their answers from it. Type-only
 * imports, so a client importing this takes nothing of the server into its bundle.
 */
export type ApiContract =
  | ContractsOf<typeof signInRoutes>
  | ContractsOf<typeof sessionRoutes>
  | ContractsOf<typeof referralRoutes>
  | ContractsOf<typeof bookingRoutes>
  | ContractsOf<typeof outcomeRoutes>
  | ContractsOf<typeof evaluationRoutes>
  | ContractsOf<typeof followUpRoutes>
  | ContractsOf<typeof demographicsRoutes>
  | ContractsOf<typeof caseRoutes>
  | ContractsOf<typeof queueRoutes>
  | ContractsOf<typeof searchRoutes>
  | ContractsOf<typeof reportRoutes>
  | ContractsOf<typeof formConfigRoutes>
  | ContractsOf<typeof programRoutes>
  | ContractsOf<typeof crossProgramRoutes>;
