import { z } from 'zod';
import { ROLES } from '../roles';
import { text } from '../text-schema';

/** Pieces the actions' input schemas share. */
export const isoInstant = z.iso.datetime({ offset: true });
export const note = text({ max: 2000 });

export const actorSchema = z.strictObject({
  id: text({ max: 100 }),
  role: z.enum([...ROLES, 'system']),
  /** Set by the API from the sign-in, never by the caller's body (R-JURISDICTION). */
  office: text({ max: 50 }).optional(),
  agency: text({ max: 50 }).optional(),
});
