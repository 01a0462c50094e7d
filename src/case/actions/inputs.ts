import type { z } from 'zod';
import { CASE_ACTIONS, type CaseActionName } from './index';
import { INPUT_KIT } from './input-kit';

export type CaseActionInputSchema<A extends CaseActionName> = ReturnType<(typeof CASE_ACTIONS)[A]['input']>;

const built = new Map<CaseActionName, z.ZodType>();

/** The action's input schema (the HTTP body and the update's input), built once, on first use. */
export function inputOf<A extends CaseActionName>(action: A): CaseActionInputSchema<A> {
  let schema = built.get(action);
  if (!schema) built.set(action, (schema = CASE_ACTIONS[action].input(INPUT_KIT)));
  return schema as CaseActionInputSchema<A>;
}

export { actorSchema } from './input-kit';
