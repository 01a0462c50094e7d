import type { z } from 'zod';
import type { configSchema } from '../../src/config/config-schema';

/** A jurisdiction configuration as its JSON file holds it (durations in words), before the schema reads it. */
export type ConfigFile = z.input<typeof configSchema>;
