import type { ErrorDetails, FieldProblem } from './schemas/error-answer';
import type { ZodError } from 'zod';

/** An error the API answers with its own status and a body that says what to fix. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: ErrorDetails = {},
  ) {
    super(message);
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function fieldsOf(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const bounds = issue as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
    return {
      field: issue.path.join('.') || '(body)',
      message: issue.message,
      code: issue.code,
      ...(bounds.minimum !== undefined ? { minimum: Number(bounds.minimum) } : {}),
      ...(bounds.maximum !== undefined ? { maximum: Number(bounds.maximum) } : {}),
      ...(bounds.origin ? { origin: bounds.origin } : {}),
    };
  });
}

export function validationError(error: ZodError, what = 'request body'): HttpError {
  const fields = fieldsOf(error);
  return new HttpError(
    400,
    'VALIDATION_FAILED',
    `Invalid ${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    { fields },
  );
}
