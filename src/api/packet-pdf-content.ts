import { formatInTimeZone } from 'date-fns-tz';
import type { LeadConfig } from '../config/config-schema';
import type { DisclosedPacket } from '../disclosure';
import { CONVICTION_LABELS } from '../eligibility/history-codes';
import { humanize } from '../shared/humanize';
import type { Role } from '../shared/roles';

/**
 * R-PACKET: what the printed diversion packet says — a cover sheet, then the packet exactly as the
 * disclosure policy gave it to this reader (GET /api/cases/:caseId/packet). Everything here is read
 * from that disclosed packet, never from the case itself, so the PDF cannot show a field the JSON
 * packet does not. Laid out as PDF by ./packet-pdf.ts.
 */

export type PacketBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'row'; label: string; value: string }
  | { kind: 'text'; text: string }
  | { kind: 'page-break' };

/** The jurisdiction's names for the codes a packet carries (the same the pages show). */
export interface PacketLabels {
  offices: Record<string, { name: string }>;
  agencies: Record<string, { name: string }>;
  offenses: Record<string, { label: string }>;
  catchmentAreas: Record<string, string>;
}

export interface PacketPdfInput {
  packet: DisclosedPacket;
  /** Who asked for it: a prosecutor's cover names their own office. */
  reader: { id: string; role: Role; office?: string };
  generatedAt: Date;
  /** The program's time zone (config.program.timezone). */
  timeZone: string;
  programName: string;
  labels: PacketLabels;
}

export const packetLabelsOf = (config: LeadConfig): PacketLabels => ({
  offices: config.offices,
  agencies: config.agencies,
  offenses: config.offenses,
  catchmentAreas: config.socialContact.catchmentAreas,
});

/** The rules every printed packet is under: the packet itself and the routing to the office(s). */
export const PACKET_RULES = ['R-PACKET', 'R-JURISDICTION'] as const;

const RULE_ID = /^R-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** R-PACKET and R-JURISDICTION, then every rule the packet's content cites (deadlines, eligibility, override). */
export function packetRuleIds(packet: DisclosedPacket): string[] {
  const cited = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === 'ruleIds' && typeof item === 'string' && RULE_ID.test(item)) cited.add(item);
        else visit(item);
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    } else if (key === 'ruleId' && typeof value === 'string' && RULE_ID.test(value)) {
      cited.add(value);
    }
  };
  visit(packet);
  for (const rule of PACKET_RULES) cited.delete(rule);
  return [...PACKET_RULES, ...[...cited].sort()];
}

/** "Generated at <ISO time> (<the program's local time>)". */
export function generatedAtLine(at: Date, timeZone: string): string {
  return `Generated at ${at.toISOString()} (${formatInTimeZone(at, timeZone, 'yyyy-MM-dd HH:mm:ss zzz')}, ${timeZone})`;
}

const localTime = (iso: string, timeZone: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatInTimeZone(at, timeZone, 'yyyy-MM-dd HH:mm zzz');
};

const named = (code: string, names: Record<string, { name: string }>) =>
  names[code] ? `${names[code].name} (${code})` : code;

/** A field name as words: `withinCityLimits` → "Within city limits". */
const words = (key: string) => humanize(key.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));

const formatted = (value: unknown): string =>
  value === true ? 'yes' : value === false ? 'no' : typeof value === 'string' ? value : JSON.stringify(value);

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** Any recorded value as rows, field by field: nothing the packet holds is left out, nothing is added. */
function rowsOf(label: string, value: unknown): PacketBlock[] {
  if (isEmpty(value)) return [];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object'))
      return [{ kind: 'row', label, value: value.map(formatted).join(', ') }];
    return value.flatMap((item, i) => rowsOf(`${label} ${i + 1}`, item));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      rowsOf(label ? `${label} › ${words(k)}` : words(k), v),
    );
  }
  return [{ kind: 'row', label, value: formatted(value) }];
}

const row = (label: string, value: unknown): PacketBlock[] =>
  isEmpty(value) ? [] : [{ kind: 'row', label, value: formatted(value) }];

const section = (title: string, rows: PacketBlock[]): PacketBlock[] =>
  rows.length ? [{ kind: 'heading', text: title }, ...rows] : [];

type Details = Record<string, unknown>;
type Reason = { ruleId?: string; message?: string };

const reasonsOf = (label: string, reasons: unknown): PacketBlock[] =>
  Array.isArray(reasons)
    ? reasons.flatMap((r: Reason, i) => row(`${label} ${i + 1}`, [r.ruleId, r.message].filter(Boolean).join(': ')))
    : [];

/** The cover sheet (R-PACKET): the case, the office(s) it is for, the rules, when it was made. */
export function coverSheet(input: PacketPdfInput): PacketBlock[] {
  const { packet, reader, labels } = input;
  const ownOffice = reader.role === 'prosecutor' && reader.office;
  return [
    { kind: 'title', text: `${input.programName}: diversion packet cover sheet` },
    ...row('Case', packet.caseId),
    ...row('Referral', `${humanize(packet.type)}, referred ${localTime(packet.referredAt, input.timeZone)}`),
    ...row('Stage', humanize(packet.stage)),
    ...row('Agency', named(packet.agency, labels.agencies)),
    ...(ownOffice
      ? row('Prosecutor office', named(ownOffice, labels.offices))
      : row(
          'Offices with jurisdiction',
          packet.prosecutorOffices.length
            ? packet.prosecutorOffices.map((o) => named(o, labels.offices)).join('; ')
            : 'none',
        )),
    ...row('Rules', packetRuleIds(packet).join(', ')),
    ...row('Requested by', `${reader.id} (${reader.role})`),
    { kind: 'text', text: generatedAtLine(input.generatedAt, input.timeZone) },
    {
      kind: 'text',
      text: 'Law-enforcement information (R-ROI), shown as the disclosure policy shows it to the reader named above. This copy is recorded in the accounting of disclosures (R-DISCLOSE).',
    },
  ];
}

/** The packet's own pages: what GET /api/cases/:caseId/packet answered this reader, in words. */
export function packetPages(input: PacketPdfInput): PacketBlock[] {
  const { packet, labels, timeZone } = input;
  const { referral } = packet;
  const d: Details = { ...referral.details };
  const take = (...keys: string[]) => {
    const taken: Details = {};
    for (const key of keys) {
      taken[key] = d[key];
      delete d[key];
    }
    return taken;
  };
  const person = referral.person;
  const officer = take('officer').officer as { id?: string; name?: string } | undefined;
  const incident = (take('incident').incident ?? {}) as Details;
  const { offenses, offenseLevel } = take('offenses', 'offenseLevel') as {
    offenses?: Array<{
      code: string;
      level?: string;
      drug?: { substance?: string; grams?: number; activity?: string };
    }>;
    offenseLevel?: string;
  };
  const history = take('history').history as { convictions?: Array<Details> } | undefined;
  const { eligibility, prerequisites, decision } = take('eligibility', 'prerequisites', 'decision') as Record<
    string,
    { eligible?: boolean; reasons?: Reason[]; notes?: Reason[] } & Details
  >;
  const judgments = take('judgments', 'circumstances', 'victim', 'protectiveOrders', 'warrants', 'docViolation');
  const socialContact = take('source', 'vouchedBy', 'verification', 'drivers', 'narrative', 'violations', 'fromArrest');
  const violations = socialContact.violations as Array<{ date?: string; area?: string }> | undefined;
  socialContact.violations = violations?.map((v) => ({
    ...v,
    area: v.area && (labels.catchmentAreas[v.area] ?? v.area),
  }));
  const priorReferrals = take('priorReferrals').priorReferrals as
    Array<{ caseId: string; type?: string; referredAt?: string }> | undefined;
  const overrideRequest = take('overrideRequest').overrideRequest;

  return [
    { kind: 'title', text: `Diversion packet ${packet.caseId}` },
    ...row('Case', packet.caseId),
    ...row('Type', humanize(packet.type)),
    ...row('Stage', humanize(packet.stage)),
    ...row('Referred', localTime(packet.referredAt, timeZone)),
    ...row('Agency', named(packet.agency, labels.agencies)),
    ...row(
      'Offices with jurisdiction (R-JURISDICTION)',
      packet.prosecutorOffices.map((o) => named(o, labels.offices)).join('; '),
    ),
    ...section('The person', [
      ...row('Name', `${person.givenName} ${person.familyName}`),
      ...row('Date of birth', person.dateOfBirth),
      ...row('State ID', person.stateId),
    ]),
    ...section('Referral', [
      ...row('Type', humanize(referral.type)),
      ...row('Agency', named(referral.agency, labels.agencies)),
      ...row(
        'Officer',
        officer ? `${officer.name ? `${officer.name} ` : ''}(${officer.id ?? referral.officerId})` : referral.officerId,
      ),
      ...row('Linked to', referral.linkedFrom),
      ...row('Report number', incident.reportNumber),
      ...row('Incident date', incident.occurredOn),
      ...row('Inside city limits', incident.withinCityLimits),
      ...row("The officer's account", incident.narrative),
      ...rowsOf(
        'Incident',
        Object.fromEntries(
          Object.entries(incident).filter(
            ([k]) => !['reportNumber', 'occurredOn', 'withinCityLimits', 'narrative'].includes(k),
          ),
        ),
      ),
    ]),
    ...section('Offenses', [
      ...(offenses ?? []).map((o, i): PacketBlock => {
        const drug = o.drug
          ? ` — ${o.drug.grams ?? '?'} g ${humanize(o.drug.substance ?? '')}, ${humanize(o.drug.activity ?? '')}`
          : '';
        const label = labels.offenses[o.code]?.label;
        return {
          kind: 'row',
          label: `Offense ${i + 1}`,
          value: `${label ? `${label} (${o.code})` : o.code}${o.level ? `, ${humanize(o.level)}` : ''}${drug}`,
        };
      }),
      ...row('Offense level', offenseLevel && humanize(offenseLevel)),
    ]),
    ...section(
      'Criminal history entered',
      (history?.convictions ?? []).flatMap((c, i) =>
        row(
          `Conviction ${i + 1}`,
          `${CONVICTION_LABELS[c.code as keyof typeof CONVICTION_LABELS] ?? String(c.code)}${c.attempted ? ', attempt' : ''}${typeof c.date === 'string' ? `, convicted ${c.date}` : ''}`,
        ),
      ),
    ),
    ...section("The officer's judgments", rowsOf('', judgments)),
    ...section('Social contact', rowsOf('', socialContact)),
    ...section('Eligibility', [
      ...row('Eligible', eligibility?.eligible),
      ...reasonsOf('Reason', eligibility?.reasons),
      ...reasonsOf('Note', eligibility?.notes),
      ...row('Prerequisites met', prerequisites?.eligible),
      ...reasonsOf('Prerequisite', prerequisites?.reasons),
      ...reasonsOf('Prerequisite note', prerequisites?.notes),
      ...rowsOf('Decision', decision),
    ]),
    ...section('Override (R-EL-OVERRIDE)', [...rowsOf('Requested', overrideRequest), ...rowsOf('', referral.override)]),
    ...section(
      'Earlier referrals of this person (R-EL-PRIOR)',
      (priorReferrals ?? []).flatMap((p, i) =>
        row(
          `Earlier referral ${i + 1}`,
          `${p.caseId}${p.type ? `, ${humanize(p.type)}` : ''}${p.referredAt ? `, referred ${p.referredAt.slice(0, 10)}` : ''}`,
        ),
      ),
    ),
    ...section('Other recorded details', rowsOf('', d)),
    ...section(
      'Deadlines',
      packet.deadlines.flatMap((dl) =>
        row(`${dl.ruleId} ${dl.name}`, `${localTime(dl.dueAt, timeZone)} — ${humanize(dl.status)}`),
      ),
    ),
  ];
}

/** The whole printed packet: the cover sheet on its own page, then the packet. */
export function packetPdfBlocks(input: PacketPdfInput): PacketBlock[] {
  return [...coverSheet(input), { kind: 'page-break' }, ...packetPages(input)];
}
