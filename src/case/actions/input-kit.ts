import { z } from 'zod';
import { releaseCoverage, releaseOf } from '../../shared/release-schema';
import { ROLES } from '../../shared/roles';
import { text } from '../../shared/text-schema';

/**
 * What a declaration builds its input schema with. The declarations take it as an argument instead of
 * importing zod, so that what only reads them — the permission table on every page — never loads zod
 * (`inputs.ts` builds the kit once, and the schemas on first use). Built by a call, like `actorSchema`:
 * a module the workers preload must export no zod schema (`inputs.ts`).
 */
export const inputKit = () => ({
  /**
   * The builders the declarations use, not zod's whole namespace: the workflow bundle keeps only the
   * parts of zod that are used (the namespace as a value would bring every locale of its messages).
   */
  z: {
    array: z.array,
    boolean: z.boolean,
    discriminatedUnion: z.discriminatedUnion,
    enum: z.enum,
    literal: z.literal,
    object: z.object,
    strictObject: z.strictObject,
    string: z.string,
  },
  text,
  releaseOf,
  releaseCoverage: releaseCoverage(),
  isoInstant: z.iso.datetime({ offset: true }),
  note: text({ max: 2000 }),
});
export type InputKit = ReturnType<typeof inputKit>;

export const actorSchema = () =>
  z.strictObject({
    id: text({ max: 100 }),
    role: z.enum([...ROLES, 'system']),
    /** Set by the API from the sign-in, never by the caller's body (R-JURISDICTION). */
    office: text({ max: 50 }).optional(),
    agency: text({ max: 50 }).optional(),
  });
