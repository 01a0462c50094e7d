import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseState } from '../case/case-state';
import { caseIdPrefixOf } from '../shared/record-ids';

/**
 * Typed custom search attributes every case workflow keeps current, so supervisors can find cases in
 * the Temporal Web UI. Codes and dates only — never personal data (search attributes are not encrypted).
 */
export const SEARCH_ATTRIBUTES = {
  referralType: defineSearchAttributeKey('LeadReferralType', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('LeadStage', SearchAttributeType.KEYWORD),
  office: defineSearchAttributeKey('LeadOffice', SearchAttributeType.KEYWORD),
  agency: defineSearchAttributeKey('LeadAgency', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('LeadNextDeadline', SearchAttributeType.DATETIME),
  nextDeadlineRule: defineSearchAttributeKey('LeadNextDeadlineRule', SearchAttributeType.KEYWORD),
  intakeDue: defineSearchAttributeKey('LeadIntakeDue', SearchAttributeType.DATETIME),
  stuck: defineSearchAttributeKey('LeadStuck', SearchAttributeType.BOOL),
  stuckReasons: defineSearchAttributeKey('LeadStuckReasons', SearchAttributeType.KEYWORD_LIST),
  /** Issue 26: the case's program, as its case id prefix (`BUR`): a Web UI saved query per program. */
  program: defineSearchAttributeKey('LeadProgram', SearchAttributeType.KEYWORD),
} as const;

export const SEARCH_ATTRIBUTE_KEYS = Object.values(SEARCH_ATTRIBUTES);

const TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** `Name=Type` pairs, as `temporal server start-dev --search-attribute` takes them. */
export const SEARCH_ATTRIBUTE_FLAGS = SEARCH_ATTRIBUTE_KEYS.map((k) => `${k.name}=${TYPE_NAMES[k.type]}`);

/**
 * The values of a case, or null where a value does not apply (which removes it). `withProgram`: the
 * case's code includes `LeadProgram` (PATCHES.leadProgram).
 */
export function searchAttributesOf(
  state: CaseState,
  nextDeadline: { dueAt: string; ruleId: string } | undefined,
  withProgram = true,
): SearchAttributeUpdatePair[] {
  const intakeOpen = state.intakeDueAt && (state.stage === 'AWAITING_SCREENING' || state.stage === 'AWAITING_INTAKE');
  const a = SEARCH_ATTRIBUTES;
  return [
    { key: a.referralType, value: state.type },
    { key: a.stage, value: state.stage },
    { key: a.office, value: state.prosecutorOffice ?? null },
    { key: a.agency, value: state.agency },
    { key: a.nextDeadline, value: nextDeadline ? new Date(nextDeadline.dueAt) : null },
    { key: a.nextDeadlineRule, value: nextDeadline?.ruleId ?? null },
    { key: a.intakeDue, value: intakeOpen ? new Date(state.intakeDueAt!) : null },
    { key: a.stuck, value: state.stuck.length > 0 },
    { key: a.stuckReasons, value: state.stuck.map((f) => f.reason) },
    ...(withProgram ? [{ key: a.program, value: caseIdPrefixOf(state.referralId) }] : []),
  ];
}
