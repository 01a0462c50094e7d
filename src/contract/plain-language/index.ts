/**
 * Plain language for people: the one place codes become words — dates and times in the program's time
 * zone ("Tue 3 Dec, 4:41 pm (Pacific)", "in 3 days"), stages, event types, roles, outcomes, notices,
 * deadlines — used by the pages, the notice e-mails and the CSV files people read. Codes and rule ids
 * stay in the API and the logs; a person sees a rule id only in a small "why" beside the words.
 * No DOM and no Node: the pages bundle it, the API and the worker import it.
 *
 * One module per kind of words: times and months, codes, the timeline, where a case stands, the
 * referrer's next steps, refusals, and the checks the tests run.
 */
export * from './time';
export * from './codes';
export * from './timeline';
export * from './standing';
export * from './referrer-next-steps';
export * from './refusals';
export * from './checks';
