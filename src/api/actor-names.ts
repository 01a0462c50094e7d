import { displayNamesOf } from '../db/queries/case-records';
import type { Database } from '../db/queries/database';
import { ROLES } from '../shared/roles';

/**
 * People by name where the reader may know them: every actor of the program status and of the
 * case-management record this reader receives (who referred, screened, approved, decided) gets the
 * display name of their account. Someone without an account here (an identity provider vouches for
 * them) keeps id and role, and the page names them by role. The referral record is left as entered.
 */
export async function withActorNames<T extends { case: unknown; caseManagement: unknown }>(
  db: Database,
  answer: T,
): Promise<T> {
  const actors: Array<{ id: string; role: string; name?: string }> = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    if (typeof v.id === 'string' && typeof v.role === 'string' && (ROLES as readonly string[]).includes(v.role))
      actors.push(v as { id: string; role: string });
    Object.values(v).forEach(collect);
  };
  collect(answer.case);
  collect(answer.caseManagement);
  const ids = [...new Set(actors.map((a) => a.id))];
  if (ids.length === 0) return answer;
  const names = await displayNamesOf(db, ids);
  for (const actor of actors) {
    const name = names.get(actor.id);
    if (name) actor.name = name;
  }
  return answer;
}
