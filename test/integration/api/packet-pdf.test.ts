import { apiAs, expectStatus, refusalOf } from '../../support/api-client';
import { readWholeCase } from '../../support/case-helpers';
import { buildCase, type BuiltCase } from '../../support/disclosure-cases';
import { pdfPages } from '../../support/pdf-text';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * R-PACKET (issue 21): the diversion packet as a PDF — a cover sheet (case, office, rules, when), then the
 * packet exactly as GET …/packet shows it to that reader; fetching it is a disclosure (R-DISCLOSE).
 */
let stack: TestStack;
let c: BuiltCase;
beforeAll(async () => {
  stack = await startTestStack();
  // A felony: the county prosecutor (KCPAO) alone has jurisdiction. The case manager wrote a note on it.
  c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'packet-pdf',
  });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

const PDF_CHANNEL = 'GET /api/cases/:caseId/packet.pdf';
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const dpa = () => apiAs(stack.baseUrl, 'prosecutor', 'dpa-pdf', { office: 'KCPAO' });

test('R-PACKET: the prosecutor with jurisdiction downloads the packet as a PDF, its cover sheet first, and the download is a disclosure', async () => {
  const json = await dpa().get(`/api/cases/${c.caseId}/packet`);
  expectStatus(json, 200);
  // What the disclosure policy hides from this prosecutor is on the case: the case manager's note.
  expect(JSON.stringify(await readWholeCase(stack, c.caseId))).toContain(`${c.cm}-case-note`);
  expect(JSON.stringify(json.body)).not.toContain(c.cm);
  const before = await stack.db.disclosure.findMany({ where: { caseId: c.caseId } });

  const asked = Date.now();
  const res = await dpa().download(`/api/cases/${c.caseId}/packet.pdf`);
  const answered = Date.now();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  // Named after the case id only: nothing of the person in the file name.
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${c.caseId}.pdf"`);
  expect(Buffer.from(res.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

  const pages = await pdfPages(res.bytes);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const cover = oneLine(pages[0]);
  expect(cover).toContain('diversion packet cover sheet');
  expect(cover).toContain(`Case ${c.caseId}`);
  expect(cover).toContain(`Prosecutor office ${stack.config.offices.KCPAO.name} (KCPAO)`);
  const rules = cover.match(/Rules (R-[A-Z0-9-]+(?:, R-[A-Z0-9-]+)*)/)?.[1].split(', ');
  expect(rules?.slice(0, 2)).toEqual(['R-PACKET', 'R-JURISDICTION']);
  const deadlineRules: string[] = json.body.deadlines.map((d: { ruleId: string }) => d.ruleId);
  expect(deadlineRules.length).toBeGreaterThan(0);
  expect(rules).toEqual(expect.arrayContaining(deadlineRules));
  const generated = cover.match(
    /Generated at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) \((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+), America\/Los_Angeles\)/,
  );
  expect(generated).not.toBeNull();
  expect(Date.parse(generated![1])).toBeGreaterThanOrEqual(asked - 1000);
  expect(Date.parse(generated![1])).toBeLessThanOrEqual(answered + 1000);
  expect(cover).not.toContain(`${c.ref}-family`);

  // The packet itself, as the JSON packet shows it to this reader — and nothing the policy hides from them.
  const packet = oneLine(pages.slice(1).join('\n'));
  expect(packet).toContain(`Name ${c.ref}-given ${c.ref}-family`);
  expect(packet).toContain(`Report number ${c.ref}-report`);
  expect(packet).toContain(`State ID ${c.ref}-sid`);
  expect(oneLine(pages.join('\n'))).not.toContain(c.cm);

  // R-DISCLOSE: one more disclosure of the case, through the PDF route, with the request's audit row.
  const requestId = res.headers.get('x-request-id')!;
  const after = await stack.db.disclosure.findMany({ where: { caseId: c.caseId } });
  const added = after.filter((d) => !before.some((b) => b.id === d.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({
    requestId,
    actorId: 'dpa-pdf',
    actorRole: 'prosecutor',
    actorOffice: 'KCPAO',
    kinds: ['REFERRAL_RECORD'],
    basis: 'R-PACKET: the prosecutor office with jurisdiction',
    channel: PDF_CHANNEL,
  });
  const audit = await stack.db.auditEntry.findMany({ where: { requestId } });
  expect(
    audit.map((a) => ({ actorId: a.actorId, caseId: a.caseId, path: a.path, status: a.status, outcome: a.outcome })),
  ).toEqual([
    {
      actorId: 'dpa-pdf',
      caseId: c.caseId,
      path: `/api/cases/${c.caseId}/packet.pdf`,
      status: 200,
      outcome: 'ALLOWED',
    },
  ]);
});

test('R-PACKET, R-JURISDICTION: a reader without access is refused the PDF exactly as the JSON packet, and nothing is disclosed', async () => {
  const readers = [
    apiAs(stack.baseUrl, 'prosecutor', 'dpa-city', { office: 'BURIEN_CITY_ATTORNEY' }),
    apiAs(stack.baseUrl, 'officer', 'officer-stranger', { agency: 'BURIEN_PD' }),
    apiAs(stack.baseUrl, 'evaluator', 'evaluator-pdf'),
  ];
  const before = await stack.db.disclosure.count({ where: { caseId: c.caseId } });
  const refusals = [];
  for (const reader of readers) {
    const json = await reader.get(`/api/cases/${c.caseId}/packet`);
    const pdf = await reader.download(`/api/cases/${c.caseId}/packet.pdf`);
    expect({ status: pdf.status, body: pdf.body }).toEqual({ status: json.status, body: json.body });
    expect(pdf.headers.get('content-type')).toMatch(/^application\/json/);
    expect(pdf.headers.get('content-disposition')).toBeNull();
    expect(new TextDecoder().decode(pdf.bytes)).not.toContain(c.ref);
    refusals.push([pdf.status, refusalOf(pdf)?.code]);
  }
  expect(refusals).toEqual([
    [404, 'CASE_NOT_FOUND'],
    [404, 'CASE_NOT_FOUND'],
    [403, 'FORBIDDEN'],
  ]);
  expect(await stack.db.disclosure.count({ where: { caseId: c.caseId } })).toBe(before);
});
