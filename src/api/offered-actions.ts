import {
  ACTION_CATALOGUE,
  type CaseReader,
  type OfferableActionName,
  type OfferedAction,
} from '../contract/case-action-catalogue';
import type { CaseView } from '../case/query-views';
import { allows, type Permission } from '../contract/permissions';
import type { Role } from '../shared/roles';
import { CASE_ACTION_PATHS, STAFFING_NOMINATIONS_PATH } from './case-action-routes';

const permissionOf = (name: OfferableActionName): Permission =>
  name === 'nominateForStaffing' ? 'staffing.nominate' : `case.${name}`;
const pathOf = (name: OfferableActionName): string =>
  name === 'nominateForStaffing' ? STAFFING_NOMINATIONS_PATH : CASE_ACTION_PATHS[name];

/**
 * The actions a reader's role may take on this case now, as the page offers them: by the permission
 * table, the case's type and stage, and each action's own condition (src/contract/case-action-catalogue.ts).
 * Computed from the whole case, it says nothing the reader's own actions would not reveal.
 */
export function offeredActions(reader: CaseReader & { role: Role }, view: CaseView): OfferedAction[] {
  const { role } = reader;
  return Object.entries(ACTION_CATALOGUE).flatMap(([key, action]) => {
    const name = key as OfferableActionName;
    const open =
      allows(role, permissionOf(name)) &&
      (!action.types || action.types.includes(view.type)) &&
      (!action.stages || action.stages.includes(view.stage)) &&
      (!action.openWhen || action.openWhen(view, reader));
    if (!open) return [];
    const { label, fields = [], danger = false, consequence, rules } = action;
    const initial = action.initialValues?.(view) ?? {};
    const filled = fields.map((f) => (f.name in initial ? { ...f, initial: initial[f.name] } : f));
    return [
      {
        name,
        path: pathOf(name),
        label,
        fields: filled,
        danger,
        ...(consequence ? { consequence } : {}),
        ruleIds: rules,
      },
    ];
  });
}
