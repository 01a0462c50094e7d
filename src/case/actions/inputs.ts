import type { z } from 'zod';
import { CASE_ACTIONS, type CaseActionName } from './index';
import { actorSchema, inputKit } from './input-kit';

export type CaseActionInputSchema<A extends CaseActionName> = ReturnType<(typeof CASE_ACTIONS)[A]['input']>;

/**
 * The workers preload this module and everything it imports (PRELOADED_MODULES in
 * src/temporal/module-paths.ts): evaluated once, before any workflow, then shared by every cached workflow,
 * what each module exports deep-frozen. zod cannot use a frozen schema (it adds a schema's members to it
 * on first use), so no module of this one's exports a schema: the kit and the actor's schema are built
 * here, at evaluation, and kept out of reach of the freeze — which also lets zod finish its own lazy set-up
 * (its global configuration) before it is frozen. Schemas built later, in a workflow, are never frozen.
 */
const kit = inputKit();
const actor = actorSchema();

/**
 * Every workflow of a worker shares this one map (a Map's entries are not properties: the freeze leaves it
 * writable). Sharing is safe because a schema is pure: built from the declaration alone, it holds no case's
 * data, and what zod caches in it while parsing derives from the schema alone.
 */
const built = new Map<CaseActionName, z.ZodType>();

/** The action's input schema (the HTTP body and the update's input), built once, on first use. */
export function inputOf<A extends CaseActionName>(action: A): CaseActionInputSchema<A> {
  let schema = built.get(action);
  if (!schema) built.set(action, (schema = CASE_ACTIONS[action].input(kit)));
  return schema as CaseActionInputSchema<A>;
}

/** Who takes a case action, as the update's argument names them. */
export const actorInput = () => actor;
