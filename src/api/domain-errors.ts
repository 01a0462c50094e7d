import { ReferralRefused, type ReferralRefusal } from '../referrals/referral-refused';
import { HttpError } from './http-error';
import { ImportRejected } from '../evaluation/outcomes';

/** The HTTP status of each refusal the domain code reports: the one place they meet HTTP. */
const REFUSAL_STATUS: Record<ReferralRefusal, number> = {
  VALIDATION_FAILED: 400,
  NO_JURISDICTION: 400,
  SUBMISSION_ID_REUSED: 409,
  INELIGIBLE: 422,
  PREREQUISITES_NOT_MET: 422,
  ALREADY_BOOKED: 409,
  ALREADY_DIVERTED: 409,
};

/** The API's answer to a domain error, or undefined for anything else. */
export function httpErrorOf(err: unknown): HttpError | undefined {
  if (err instanceof ReferralRefused)
    return new HttpError(REFUSAL_STATUS[err.refusal], err.refusal, err.message, err.details);
  if (err instanceof ImportRejected)
    return new HttpError(422, 'IMPORT_REJECTED', err.message, {
      ruleId: 'R-EVAL',
      rows: err.problems,
      fields: err.problems.map((p) => ({ field: `line ${p.line}: ${p.field}`, message: p.message })),
    });
  return undefined;
}
