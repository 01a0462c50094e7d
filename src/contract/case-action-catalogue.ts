import { CASE_ACTIONS, type CaseActionName } from '../case/actions';
import type { ActionField, ActionPresentation } from '../case/actions/declaration';
import { OPEN_STAGES } from '../case/actions/field-parts';

export type { ActionField, ActionPresentation, CaseReader } from '../case/actions/declaration';

/** Besides the case actions: nominating the person for the next staffing meeting (R-STAFFING). */
export type OfferableActionName = CaseActionName | 'nominateForStaffing';

/** An action as a reader is offered it: everything the page needs to ask for it and send it. */
export interface OfferedAction {
  name: OfferableActionName;
  /** POST /api/cases/:caseId/<path> */
  path: string;
  label: string;
  fields: ActionField[];
  danger: boolean;
  consequence?: string | Record<string, string>;
  /** The rules behind the action, for the page's "why". */
  ruleIds: string[];
}

/** How a declared case action is offered; one a sergeant submitted is never offered to them to decide. */
function presentationOf(name: CaseActionName): ActionPresentation {
  const { label, stages, types, openWhen, fields, initialValues, danger, consequence, rules } = CASE_ACTIONS[name];
  const { notBySubmitter } = CASE_ACTIONS[name] as { notBySubmitter?: string };
  return {
    label,
    ...(stages ? { stages } : {}),
    ...(types ? { types } : {}),
    ...(openWhen || notBySubmitter
      ? { openWhen: (view, reader) => (!notBySubmitter || !reader.submitted) && (!openWhen || openWhen(view, reader)) }
      : {}),
    ...(fields ? { fields } : {}),
    ...(initialValues ? { initialValues } : {}),
    ...(danger ? { danger } : {}),
    ...(consequence ? { consequence } : {}),
    rules,
  };
}

/**
 * How each action on a case is offered to people, in the order the page shows them: the declared case
 * actions (src/case/actions/), then the staffing nomination. The API offers each reader, with
 * every case it answers, the actions their role may take on it now (src/api/offered-actions.ts); the
 * pages render what they are offered and keep no copy of this table.
 */
export const ACTION_CATALOGUE: Record<OfferableActionName, ActionPresentation> = {
  ...(Object.fromEntries(
    (Object.keys(CASE_ACTIONS) as CaseActionName[]).map((name) => [name, presentationOf(name)]),
  ) as Record<CaseActionName, ActionPresentation>),
  nominateForStaffing: {
    rules: ['R-STAFFING'],
    label: 'Nominate for staffing',
    stages: OPEN_STAGES,
    fields: [
      {
        name: 'reason',
        label: 'Briefly, why the partners should discuss this person',
        type: 'textarea',
        required: true,
      },
    ],
  },
};
