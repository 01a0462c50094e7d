import { loadConfig } from '../../src/config/load-config';
import { generatedAtLine, packetLabelsOf, packetRuleIds, renderPacketPdf } from '../../src/api/packet-pdf';
import type { PacketPdfInput } from '../../src/api/packet-pdf';
import type { DisclosedPacket } from '../../src/disclosure';
import { pdfPages } from '../support/pdf-text';

/** R-PACKET: the printed packet says what the disclosed packet holds, after a cover sheet — and nothing else. */

const config = loadConfig();
const AT = new Date('2026-12-02T21:04:05.000Z');

function packet(overrides: Partial<DisclosedPacket['referral']['details']> = {}): DisclosedPacket {
  return {
    caseId: 'BUR-0123456789',
    type: 'ARREST_DIVERSION',
    stage: 'AWAITING_SCREENING',
    referredAt: '2026-12-02T20:15:00.000Z',
    agency: 'BURIEN_PD',
    prosecutorOffices: ['KCPAO', 'BURIEN_CITY_ATTORNEY'],
    deadlines: [{ ruleId: 'R-INTAKE', name: 'Intake assessment', dueAt: '2026-12-23T20:15:00.000Z', status: 'OPEN' }],
    referral: {
      type: 'ARREST_DIVERSION',
      agency: 'BURIEN_PD',
      officerId: 'B-1047',
      linkedFrom: null,
      person: { givenName: 'Thị Minh', familyName: 'Nguyễn', dateOfBirth: '1988-04-12', stateId: null },
      details: {
        officer: { id: 'B-1047', name: 'Officer Dana Reyes' },
        incident: { withinCityLimits: true, reportNumber: 'BPD-2026-004512' },
        offenses: [
          {
            code: 'VUCSA_POSSESSION',
            level: 'FELONY',
            drug: { substance: 'OTHER', grams: 1.2, activity: 'POSSESSION' },
          },
          { code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' },
        ],
        judgments: { amenable: true, safetyConcern: false },
        decision: { eligible: true, ruleIds: ['R-EL-OFFENSE', 'R-EL-AMOUNT'], officerDecision: 'DIVERT' },
        eligibility: {
          eligible: true,
          reasons: [{ ruleId: 'R-EL-OFFENSE', message: 'Possession under 3 g is eligible' }],
          notes: [],
        },
        ...overrides,
      },
      override: { reason: 'Amenable and asks for help', ruleIds: ['R-EX-PROFIT'] },
    },
  };
}

const input = (p: DisclosedPacket, reader: PacketPdfInput['reader']): PacketPdfInput => ({
  packet: p,
  reader,
  generatedAt: AT,
  timeZone: 'America/Los_Angeles',
  programName: 'Burien LEAD',
  labels: packetLabelsOf(config),
});
const prosecutor = { id: 'prosecutor-1', role: 'prosecutor', office: 'KCPAO' } as const;
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

test('R-PACKET: the rules are the packet, the routing, then every rule the content cites, once each', () => {
  expect(packetRuleIds(packet())).toEqual([
    'R-PACKET',
    'R-JURISDICTION',
    'R-EL-AMOUNT',
    'R-EL-OFFENSE',
    'R-EX-PROFIT',
    'R-INTAKE',
  ]);
});

test('R-PACKET: the generated-at line gives the instant and the time in the program time zone', () => {
  expect(generatedAtLine(AT, 'America/Los_Angeles')).toBe(
    'Generated at 2026-12-02T21:04:05.000Z (2026-12-02 13:04:05 PST, America/Los_Angeles)',
  );
});

test("R-PACKET: page 1 is the cover sheet — case, the prosecutor's own office, rules, when — and the packet follows", async () => {
  const pages = await pdfPages(await renderPacketPdf(input(packet(), prosecutor)));
  const cover = oneLine(pages[0]);
  expect(cover).toContain('diversion packet cover sheet');
  expect(cover).toContain('Case BUR-0123456789');
  expect(cover).toContain("Prosecutor office King County Prosecuting Attorney's Office (KCPAO)");
  expect(cover).not.toContain('BURIEN_CITY_ATTORNEY');
  expect(cover).toContain('Rules R-PACKET, R-JURISDICTION, R-EL-AMOUNT, R-EL-OFFENSE, R-EX-PROFIT, R-INTAKE');
  expect(cover).toContain('Generated at 2026-12-02T21:04:05.000Z (2026-12-02 13:04:05 PST, America/Los_Angeles)');
  // The cover names the case, not the person.
  expect(cover).not.toContain('Nguy');

  const rest = oneLine(pages.slice(1).join('\n'));
  // Names print as entered (an embedded Unicode font, not the PDF standard fonts).
  expect(rest).toContain('Name Thị Minh Nguyễn');
  expect(rest).toContain('Report number BPD-2026-004512');
  expect(rest).toContain('Offense 1 VUCSA: possession of a controlled substance (VUCSA_POSSESSION), Felony');
  expect(rest).toContain('Reason 1 R-EL-OFFENSE: Possession under 3 g is eligible');
  expect(rest).toContain('R-INTAKE Intake assessment 2026-12-23 12:15 PST — Open');
  // A field the packet does not hold (no state id) is not printed at all.
  expect(rest).not.toContain('State ID');
  for (const page of pages) expect(page).toMatch(/BUR-0123456789 · R-PACKET · page \d of \d/);
});

test('R-PACKET, R-JURISDICTION: for a reader who is not a prosecutor, the cover names every office with jurisdiction', async () => {
  const pages = await pdfPages(await renderPacketPdf(input(packet(), { id: 'supervisor-1', role: 'supervisor' })));
  expect(oneLine(pages[0])).toContain(
    "Offices with jurisdiction King County Prosecuting Attorney's Office (KCPAO); Burien City Attorney's Office (BURIEN_CITY_ATTORNEY)",
  );
});

test('R-PACKET: a long account runs onto further pages whole, and fields nobody laid out are still printed', async () => {
  const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
  const p = packet({
    incident: { withinCityLimits: true, reportNumber: 'BPD-2026-004512', narrative: words.join(' ') },
    someFutureField: { recorded: 'kept-in-print' },
  });
  const pages = await pdfPages(await renderPacketPdf(input(p, prosecutor)));
  expect(pages.length).toBeGreaterThan(3);
  const printed = oneLine(pages.join('\n')).split(' ');
  expect(words.every((w) => printed.includes(w))).toBe(true);
  expect(oneLine(pages.join('\n'))).toContain('Some future field › Recorded kept-in-print');
});
