import { disclosedNominations, type StoredNomination } from '../../src/disclosure';
import type { Role } from '../../src/shared/roles';

/** R-ROI, R-STAFFING: a case manager's nomination reason is case-management record; a partner's is for the partners. */
const at = new Date('2026-12-03T10:00:00Z');
const byCaseManager: StoredNomination = {
  nominatedById: 'cm-7',
  nominatedByRole: 'case_manager',
  reason: 'relapse, missed methadone',
  at,
};
const bySergeant: StoredNomination = {
  nominatedById: 'sgt-3',
  nominatedByRole: 'sergeant',
  reason: 'seen daily at the transit center',
  at,
};
const row = { caseId: 'BUR-0000000001', personId: '7b0c2f5e-0000-4000-8000-000000000001' };
const read = (role: Role) => disclosedNominations({ id: `${role}-1`, role }, row, [byCaseManager, bySergeant]);

test.each(['project_manager', 'officer', 'sergeant', 'prosecutor', 'doc_nci', 'evaluator'] as const)(
  "issue 22 item 1: R-ROI — read as %s, a case manager's nomination shows by whom and when, never why; a partner's reason stays readable",
  (role) => {
    const { nominations, entry } = read(role);
    expect(nominations).toEqual([
      { by: { id: 'cm-7', role: 'case_manager' }, at: at.toISOString(), reason: null },
      { by: { id: 'sgt-3', role: 'sergeant' }, at: at.toISOString(), reason: 'seen daily at the transit center' },
    ]);
    expect(JSON.stringify(nominations)).not.toContain('methadone');
    expect(entry).toBeUndefined();
  },
);

test("issue 22 item 1: R-ROI, R-DISCLOSE — a supervisor reads a case manager's reason, and that is a recorded disclosure of the case-management record", () => {
  const { nominations, entry } = read('supervisor');
  expect(nominations.map((n) => n.reason)).toEqual(['relapse, missed methadone', 'seen daily at the transit center']);
  expect(entry).toEqual({
    personId: row.personId,
    caseId: row.caseId,
    kinds: ['CASE_MANAGEMENT_RECORD'],
    basis: "R-ROI: a supervisor: a case manager's staffing-nomination reason (R-STAFFING)",
  });
});

test('issue 22 item 1: R-DISCLOSE — case management reads its own record: the reason, and no disclosure', () => {
  const { nominations, entry } = read('case_manager');
  expect(nominations[0].reason).toBe('relapse, missed methadone');
  expect(entry).toBeUndefined();
});

test("issue 22 item 1: R-DISCLOSE — a supervisor reading only partners' reasons discloses no case-management record", () => {
  expect(disclosedNominations({ id: 'sup-1', role: 'supervisor' }, row, [bySergeant]).entry).toBeUndefined();
});
