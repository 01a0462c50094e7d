import { readableCasesWhere, relationOf, type CaseParties, type ReaderIdentity } from '../../src/disclosure/policy';

/**
 * Issue 26 item 3: a sign-in that names its programs reads nothing of another program's case, whatever
 * its role; one that names none is not limited to a program (a deployment of one program).
 */
const burienCase: CaseParties = {
  programId: 'burien',
  agency: 'BURIEN_PD',
  officerId: 'officer-1',
  submittedById: 'officer-1',
  prosecutorOffices: ['KCPAO'],
  routedToDocNci: false,
};
const READERS: ReaderIdentity[] = [
  { id: 'officer-1', role: 'officer', agency: 'BURIEN_PD' },
  { id: 'sgt-1', role: 'sergeant', agency: 'BURIEN_PD' },
  { id: 'dpa-1', role: 'prosecutor', office: 'KCPAO' },
  { id: 'cm-1', role: 'case_manager' },
  { id: 'pm-1', role: 'project_manager' },
  { id: 'sup-1', role: 'supervisor' },
];

test.each(READERS)(
  "$role of another program: no relation to the case, and the filter holds only their programs' cases",
  (reader) => {
    expect(relationOf(reader, burienCase)).not.toBe('NONE');
    expect(relationOf({ ...reader, programs: ['burien'] }, burienCase)).toBe(relationOf(reader, burienCase));
    expect(relationOf({ ...reader, programs: ['harbor-county'] }, burienCase)).toBe('NONE');
    expect(relationOf({ ...reader, programs: [] }, burienCase)).toBe('NONE');
    // A case whose program has not been started belongs to none of anyone's programs.
    expect(relationOf({ ...reader, programs: ['burien'] }, { ...burienCase, programId: null })).toBe('NONE');

    expect(readableCasesWhere(reader)).not.toHaveProperty('AND.0.programId');
    expect(readableCasesWhere({ ...reader, programs: ['harbor-county'] })).toEqual({
      AND: [{ programId: { in: ['harbor-county'] } }, readableCasesWhere(reader)],
    });
  },
);
