import { accessTo, NCI_READS_RECORD_FOR_MS, type CaseParties } from '../../src/disclosure/policy';

/** R-ROI (corrected 2026-12-02): the DOC NCI team reads a referral routed to them until 30 days after their decision. */
const nci = { id: 'nci-1', role: 'doc_nci' } as const;
const decidedAt = '2026-06-01T12:00:00.000Z';
const parties = (overrides: Partial<CaseParties> = {}): CaseParties => ({
  agency: 'BURIEN_PD',
  officerId: 'B-1047',
  submittedById: 'officer-1',
  prosecutorOffices: ['KCPAO'],
  routedToDocNci: true,
  ...overrides,
});

test('R-ROI: undecided, and up to 30 days after the decision, the NCI team reads the referral record', () => {
  expect(accessTo(nci, parties(), 'NONE').referralRecord).toBe(true);
  const lastMoment = Date.parse(decidedAt) + NCI_READS_RECORD_FOR_MS;
  expect(accessTo(nci, parties({ nciDecidedAt: decidedAt }), 'NONE', lastMoment).referralRecord).toBe(true);
});

test('R-ROI: from then on, the program status only', () => {
  const after = Date.parse(decidedAt) + NCI_READS_RECORD_FOR_MS + 1;
  const access = accessTo(nci, parties({ nciDecidedAt: decidedAt }), 'NONE', after);
  expect(access).toMatchObject({ referralRecord: false, programStatus: true, caseManagement: 'NONE' });
});

test('R-ROI: a referral never routed to the NCI team is not theirs at all', () => {
  expect(accessTo(nci, parties({ routedToDocNci: false }), 'NONE').programStatus).toBe(false);
});
