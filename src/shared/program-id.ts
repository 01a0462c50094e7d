import { z } from 'zod';

/** Issue 26: a program's key in every record of it — lower case, so it reads the same in ids and URLs. */
export const programIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,39}$/,
    'a program id is 2–40 lower-case letters, digits and hyphens, first a letter (burien)',
  )
  .describe("The program's id, as in every key of its records (`burien`)");

export type ProgramId = z.output<typeof programIdSchema>;
