import fc from 'fast-check';
import { z } from 'zod';
import { validationError } from '../../src/api/http-error';
import { inputOf } from '../../src/case/actions/inputs';
import { text, trimmedTextPattern } from '../../src/shared/text-schema';

/**
 * Issue 24 item 8: every rule the service enforces on an input, where a schema can state it, is in the
 * schema (and so in the OpenAPI document): storable text, trimmed before its length is checked, verbal
 * consent naming who memorialized it. Refusals keep naming the field and the rule.
 */
const refusal = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return validationError(parsed.error).message;
};

test('NUL and half a surrogate pair are refused by the schema, naming the field', () => {
  const recordCaseNote = inputOf('recordCaseNote');
  for (const note of ['before\u0000after', 'half \ud800 a pair', 'other half \udc00'])
    expect(refusal(recordCaseNote, { note })).toBe(
      'Invalid request body: note: contains a character that cannot be stored (NUL, or half of a UTF-16 surrogate pair)',
    );
  // A whole pair is a character like any other.
  expect(recordCaseNote.parse({ note: 'seen \ud83d\ude00' })).toEqual({ note: 'seen \ud83d\ude00' });
});

test('text is trimmed before its length is checked, and its length counted in characters', () => {
  const reason = z.strictObject({ reason: text({ min: 3, max: 5 }) });
  expect(reason.parse({ reason: '   abc   ' })).toEqual({ reason: 'abc' });
  expect(refusal(reason, { reason: '  ab  ' })).toBe(
    'Invalid request body: reason: at least 3 characters (not counting spaces around it)',
  );
  expect(refusal(reason, { reason: 'abcdef' })).toBe(
    'Invalid request body: reason: at most 5 characters (not counting spaces around it)',
  );
  // Five characters, ten UTF-16 code units: counted as JSON Schema counts them.
  expect(reason.parse({ reason: '😀😀😀😀😀' })).toEqual({ reason: '😀😀😀😀😀' });
  expect(refusal(reason, { reason: '   ' })).toMatch(/^Invalid request body: reason: at least 3 characters/);
  // The refusal carries the bound for the form (its words in plain language).
  const parsed = reason.safeParse({ reason: 'ab' });
  expect(parsed.success || validationError(parsed.error).extra.fields).toEqual([
    expect.objectContaining({ field: 'reason', code: 'too_small', minimum: 3, origin: 'string' }),
  ]);
});

test("the document's pattern for a trimmed text accepts exactly what the schema accepts", () => {
  const character = fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', '\u00a0', '\ufeff', '\u3000', '\u0000', '😀', 'é');
  for (const [min, max] of [
    [0, 3],
    [1, 1],
    [1, 4],
    [2, 5],
    [3, 6],
  ]) {
    const schema = text({ min, max });
    const pattern = new RegExp(trimmedTextPattern(min, max), 'u');
    fc.assert(
      fc.property(
        fc.array(character, { maxLength: 10 }).map((cs) => cs.join('')),
        (value) => {
          expect([min, max, value, pattern.test(value)]).toEqual([min, max, value, schema.safeParse(value).success]);
        },
      ),
      { numRuns: 500 },
    );
  }
});

test('R-CONSENT: a verbal consent without memorializedBy is refused by the schema, naming the field and the rule', () => {
  for (const action of ['recordConsent', 'amendRelease'] as const) {
    const schema = inputOf(action);
    const covers = { staffing: false };
    expect(refusal(schema, { method: 'VERBAL_MEMORIALIZED', covers })).toBe(
      'Invalid request body: memorializedBy: a verbal consent must name who memorialized it (R-CONSENT)',
    );
    expect(schema.safeParse({ method: 'VERBAL_MEMORIALIZED', memorializedBy: ' Sgt. Lee ', covers }).data).toEqual({
      method: 'VERBAL_MEMORIALIZED',
      memorializedBy: 'Sgt. Lee',
      covers: { staffing: false, providers: [] },
    });
    expect(schema.safeParse({ method: 'WRITTEN', covers }).success).toBe(true);
    expect(refusal(schema, { method: 'SIGNALLED', covers })).toBe(
      'Invalid request body: method: WRITTEN or VERBAL_MEMORIALIZED (R-CONSENT)',
    );
  }
});
