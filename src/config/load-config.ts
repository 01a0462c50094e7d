import { PROJECT_ROOT } from '../project-root';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CasePolicy } from '../case/case-policy';
import { configSchema, type LeadConfig } from './config-schema';
import { utcOffsetsFrom } from './utc-offsets';

export const DEFAULT_CONFIG_FILE = path.join(PROJECT_ROOT, 'src', 'config', 'jurisdictions', 'burien.json');

export class ConfigError extends Error {}

/** Reads and validates a jurisdiction's configuration; an error names every bad key. */
export function parseConfig(raw: unknown, source = 'configuration'): LeadConfig {
  const result = configSchema.safeParse(raw, {
    error: (issue) => (issue.input === undefined ? 'missing (required)' : undefined),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid ${source}:\n${problems.join('\n')}`);
  }
  return result.data;
}

export function loadConfig(file = process.env.LEAD_CONFIG_FILE ?? DEFAULT_CONFIG_FILE): LeadConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Cannot read configuration ${file}: ${(err as Error).message}`);
  }
  const config = parseConfig(raw, `configuration ${file}`);
  if (process.env.PUBLIC_URL) config.program.publicUrl = process.env.PUBLIC_URL;
  return config;
}

/**
 * The durations a new case runs with; fixed at its start so later configuration changes cannot move its
 * clocks. `start` is when its clocks may first count from (the referral): its time zone's offsets are
 * carried from then on (R-INTAKE).
 */
export function casePolicyOf(config: LeadConfig, start: Date): CasePolicy {
  const d = config.durations;
  return {
    sceneWindowMs: d.sceneWindow,
    screeningOverdueAfterMs: d.screeningOverdueAfter,
    intakeDeadlineMs: d.intakeDeadline,
    victimObjectionWindowMs: d.victimObjectionWindow,
    missedNoticeConfirmWithinMs: d.missedNoticeConfirmWithin,
    approvalOverdueAfterMs: d.approvalOverdueAfter,
    overrideOverdueAfterMs: d.overrideOverdueAfter,
    nciDecisionOverdueAfterMs: d.nciDecisionOverdueAfter,
    victimFilingDecisionMs: d.victimFilingDecision,
    approvalValidMonths: config.socialContact.approvalValidMonths,
    continueAsNewAfterEvents: config.continueAsNewAfterEvents,
    timeZone: config.program.timezone,
    utcOffsets: utcOffsetsFrom(config.program.timezone, start),
  };
}

/** R-SC-CAPACITY: the places the program has. */
export const placesOf = (config: LeadConfig): number =>
  Math.floor(config.capacity.caseManagerFte * config.capacity.participantsPerFte);
