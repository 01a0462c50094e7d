import { STAGES } from '../../shared/case-vocabulary';
import { NOTICE_TITLES, OUTCOME_LABELS, STUCK_LABELS } from './codes';
import { EVENT_SENTENCES } from './timeline';
/* The test of plain language: what a person must never read outside a "why". */

/** An instant as the API writes it (2026-12-03T00:41:51.250Z). */
export const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:/;

/** Codes a person must never read as words: stages, outcomes, notices, event types, stuck reasons. */
export const CODE_WORDS: readonly string[] = [
  ...new Set([
    ...STAGES,
    ...Object.keys(OUTCOME_LABELS),
    ...Object.keys(NOTICE_TITLES),
    ...Object.keys(EVENT_SENTENCES),
    ...Object.keys(STUCK_LABELS),
  ]),
];

/** What is wrong with a text a person reads: an ISO instant, a code word. */
export function plainTextProblems(text: string): string[] {
  const problems: string[] = [];
  const iso = ISO_INSTANT.exec(text);
  if (iso) problems.push(`an ISO instant (${text.slice(iso.index, iso.index + 24)})`);
  for (const word of text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? [])
    if (CODE_WORDS.includes(word)) problems.push(`the code ${word}`);
  return problems;
}

/** What is wrong with a label or a button's text: a rule id as the label, and anything plainTextProblems finds. */
export function labelProblems(label: string): string[] {
  return [
    ...(/^\s*R-[A-Z]/.test(label) ? [`a rule id as the label (${label.trim().slice(0, 40)})`] : []),
    ...plainTextProblems(label),
  ];
}
