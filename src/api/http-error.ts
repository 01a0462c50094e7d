import type { ZodError } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error the API answers with its own status and a body that says what to fix. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldProblem[]; ruleId?: string; stage?: string; [key: string]: unknown } = {},
  ) {
    super(message);
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function fieldsOf(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
}

export function validationError(error: ZodError, what = 'request body'): HttpError {
  const fields = fieldsOf(error);
  return new HttpError(400, 'VALIDATION_FAILED', `Invalid ${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { fields });
}
