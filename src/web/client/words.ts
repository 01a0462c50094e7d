import { localTime, localTimeFromNow, plainRefusal, ruleWhy, type TimeOptions } from '../../contract/plain-language';
import { h, programZone } from './dom';

/**
 * The pages' words for times and rules (src/contract/plain-language/ does the phrasing): times in the
 * program's zone from the page shell, and a rule id only inside a small "why" the reader may open.
 */
export const timeOptions = (): TimeOptions => ({ timeZone: programZone() });

/** "Tue 3 Dec, 4:41 pm (Pacific)". */
export const at = (iso: string | null | undefined): string => (iso ? localTime(iso, timeOptions()) : '—');

/** "Tue 3 Dec, 4:41 pm (Pacific) — in 3 days". */
export const due = (iso: string | null | undefined): string => (iso ? localTimeFromNow(iso, timeOptions()) : '—');

/** The rules behind a line, folded away: "Why?" opens them. Never a label; nothing when there is none. */
export function why(ruleIds: ReadonlyArray<string | null | undefined> | string | null | undefined): HTMLElement | null {
  const ids = [...new Set((typeof ruleIds === 'string' ? [ruleIds] : (ruleIds ?? [])).filter(Boolean))] as string[];
  if (ids.length === 0) return null;
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, 'Why?'),
    ids.length === 1
      ? h('span', {}, ruleWhy(ids[0]))
      : h(
          'ul',
          {},
          ids.map((id) => h('li', {}, ruleWhy(id))),
        ),
  );
}

/**
 * A message from a rule (an eligibility reason, a refused field) as a person reads it: the words, and
 * its rule ids in a "Why?" beside them — "12 g is more than 7 g of drugs" and, folded, R-EX-DRUG-AMOUNT.
 */
export function inWords(message: string, ruleId?: string | null): { text: string; why: HTMLElement | null } {
  const plain = plainRefusal(message, timeOptions());
  return { text: plain.text, why: why([...plain.ruleIds, ruleId]) };
}
