import { noticeContent } from '../../activities/notice-content';
import { nextSteps } from '../../src/api/routes/referral-routes';
import { loadConfig } from '../../src/config/load-config';
import type { CaseStatus } from '../../src/disclosure';
import { ACTION_CATALOGUE } from '../../src/contract/case-action-catalogue';
import type { NoticeKind } from '../../src/case/notices';
import { STAGES, type Stage } from '../../src/shared/case-vocabulary';
import {
  addMonths,
  basisLabel,
  channelLabel,
  CODE_WORDS,
  deadlineLabel,
  EVENT_SENTENCES,
  eventSentence,
  fromNow,
  labelProblems,
  localTime,
  localTimeFromNow,
  monthAxisLabel,
  monthName,
  nextStepFor,
  nextStepSentence,
  NOTICE_TITLES,
  OUTCOME_LABELS,
  plainRefusal,
  plainTextProblems,
  referralNextSteps,
  shortMonthName,
  STAGE_LABELS,
  standingSentence,
  STUCK_LABELS,
  zoneName,
} from '../../src/contract/plain-language';
import { disclosuresCsv, staffingListCsv } from '../../src/api/report-csv';
import { ROLES } from '../../src/shared/roles';
import { parse } from 'csv-parse/sync';
import { arrestForm, socialForm } from '../../src/web/forms';
import { NAV, ROLE_LABELS } from '../../src/web/navigation';

/**
 * The test of plain language (issue 23 item 3): every string a person reads is words — no ISO instant,
 * no code (a stage, an event type, a notice kind), no rule id as a label — with times in the program's
 * time zone. Checked over the formatter, the label catalogues, the referral forms, the notice e-mails
 * and the next steps; the browser tests scan every page they visit the same way (test/support/browser.ts).
 */
const config = loadConfig();
const PACIFIC = { timeZone: 'America/Los_Angeles', now: new Date('2026-12-02T18:00:00.000Z') };

describe('times in the program’s zone, said as people say them', () => {
  test('an instant: weekday, day, month, time of day, the zone — the year only when it is not this one', () => {
    // The referral answer that read "must not return to the scene before 2026-12-03T00:41:51.250Z".
    expect(localTime('2026-12-03T00:41:51.250Z', PACIFIC)).toBe('Wed 2 Dec, 4:41 pm (Pacific)');
    expect(localTime('2027-01-04T17:05:00.000Z', PACIFIC)).toBe('Mon 4 Jan 2027, 9:05 am (Pacific)');
    expect(localTime('2026-12-03T00:41:51.250Z', { ...PACIFIC, year: 'always' })).toBe(
      'Wed 2 Dec 2026, 4:41 pm (Pacific)',
    );
    // R-INTAKE: a deadline of whole days ends at the end of the local day, in either half of the year.
    expect(localTime('2027-01-02T07:59:59.999Z', PACIFIC)).toBe('Fri 1 Jan 2027, end of the day (Pacific)');
    expect(localTime('2026-07-02T06:59:59.999Z', PACIFIC)).toBe('Wed 1 Jul, end of the day (Pacific)');
    expect(localTime('2026-12-03T00:41:51.250Z', { timeZone: 'America/New_York', now: PACIFIC.now })).toBe(
      'Wed 2 Dec, 7:41 pm (Eastern)',
    );
    expect(zoneName('UTC')).toBe('UTC');
  });

  test('how far away: minutes, hours, then calendar days where the program is', () => {
    const now = new Date('2026-12-02T18:00:00.000Z'); // 10 am in Burien
    const at = (iso: string) => fromNow(iso, { ...PACIFIC, now });
    expect(at('2026-12-05T18:00:00.000Z')).toBe('in 3 days');
    expect(at('2026-12-02T20:00:00.000Z')).toBe('in 2 hours');
    expect(at('2026-12-02T17:55:00.000Z')).toBe('5 minutes ago');
    // 8 am the next morning in Burien is 22 hours away; noon the next day is more than a day: tomorrow.
    expect(at('2026-12-03T16:00:00.000Z')).toBe('in 22 hours');
    expect(at('2026-12-03T20:00:00.000Z')).toBe('tomorrow');
    expect(at('2026-12-04T08:00:00.000Z')).toBe('in 2 days');
    expect(at('2027-02-02T18:00:00.000Z')).toBe('in 2 months');
    expect(localTimeFromNow('2026-12-05T18:00:00.000Z', { ...PACIFIC, now })).toBe(
      'Sat 5 Dec, 10:00 am (Pacific) — in 3 days',
    );
  });

  test('a report month by name (the API keeps YYYY-MM): "November 2026", a chart axis "Nov" with its year under January', () => {
    expect(monthName('2026-11')).toBe('November 2026');
    expect(shortMonthName('2026-11')).toBe('Nov 2026');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(['2026-11', '2026-12', '2027-01'].map(monthAxisLabel)).toEqual([['Nov', '2026'], ['Dec'], ['Jan', '2027']]);
  });
});

describe('codes as words', () => {
  test('every stage, outcome, stuck reason and notice has its words, and the words are plain', () => {
    for (const stage of STAGES) expect([stage, labelProblems(STAGE_LABELS[stage])]).toEqual([stage, []]);
    for (const [code, words] of Object.entries({ ...OUTCOME_LABELS, ...STUCK_LABELS, ...NOTICE_TITLES }))
      expect([code, labelProblems(words), /\bR-[A-Z]/.test(words)]).toEqual([code, [], false]);
    expect(STAGE_LABELS.AWAITING_SCREENING).toBe('Waiting for screening');
  });

  test('every kind of event is a sentence naming who acted (never its code, never "Iip recorded")', () => {
    const context = {
      who: (a: { name?: string; role: string }) => a.name ?? `a ${a.role}`,
      time: (iso: string) => localTime(iso, PACIFIC),
      offices: { KCPAO: { name: "King County Prosecuting Attorney's Office" } },
    };
    const data = {
      reason: 'a reason',
      note: 'a note',
      goals: ['HOUSING', 'TREATMENT'],
      validUntil: '2027-06-02T18:00:00.000Z',
      intakeScheduledFor: '2026-12-04T18:00:00.000Z',
      observedAt: '2026-12-02T19:00:00.000Z',
      to: '2027-01-10T07:59:59.999Z',
      decisionDueAt: '2026-12-16T18:00:00.000Z',
      office: 'KCPAO',
      outcome: 'CHARGES_FILED',
      decision: 'FILED',
      socialContactReferralId: 'BUR-SC00000001',
      service: 'housing navigation',
      method: 'WRITTEN',
      version: 2,
    };
    for (const type of Object.keys(EVENT_SENTENCES)) {
      const sentence = eventSentence(
        { type, actor: { id: 'u-1', role: 'case_manager', name: 'Robin Ochoa' }, data },
        context,
      );
      expect([type, plainTextProblems(sentence), /\bR-[A-Z]/.test(sentence), /^[A-Z]/.test(sentence)]).toEqual([
        type,
        [],
        false,
        true,
      ]);
    }
    expect(
      eventSentence(
        { type: 'IIP_RECORDED', actor: { id: 'cm-1', role: 'case_manager', name: 'Robin Ochoa' }, data },
        context,
      ),
    ).toBe('Robin Ochoa recorded the goals of the individual intervention plan (IIP): housing, treatment.');
  });

  test('the action catalogue: labels, fields, choices and consequences in words; rules only as the why', () => {
    for (const [name, action] of Object.entries(ACTION_CATALOGUE)) {
      const texts = [
        action.label,
        ...(action.fields ?? []).flatMap((f) => [f.label, ...(f.options ?? []).map(([, label]) => label)]),
        ...(typeof action.consequence === 'string' ? [action.consequence] : Object.values(action.consequence ?? {})),
      ];
      for (const text of texts)
        expect([name, text, labelProblems(text), /\bR-[A-Z]/.test(text)]).toEqual([name, text, [], false]);
      expect([name, action.rules.length > 0]).toEqual([name, true]);
    }
  });

  test('the navigation, the roles and the referral forms: no label, legend, summary or button is a rule id', () => {
    for (const text of [...NAV.map((n) => n.label), ...Object.values(ROLE_LABELS)])
      expect(labelProblems(text)).toEqual([]);
    const html = `${arrestForm(config).value}${socialForm(config).value}`;
    const labels = [...html.matchAll(/<(label|legend|summary|button)\b[^>]*>([\s\S]*?)<\/\1\s*>/g)].map((m) =>
      m[2]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(labels.length).toBeGreaterThan(40);
    for (const label of labels) expect([label, labelProblems(label)]).toEqual([label, []]);
  });
});

describe('the notice e-mails', () => {
  const kinds = Object.keys(NOTICE_TITLES) as NoticeKind[];
  test.each(kinds)('%s says where the case stands in words, its date in the program’s zone', (kind) => {
    const { subject, text } = noticeContent(config, {
      noticeId: 'n-1',
      referralId: 'BUR-0123456789',
      kind,
      ruleId: 'R-INTAKE',
      recipient: { role: 'prosecutor', office: 'KCPAO' },
      facts: {
        stage: 'AWAITING_SCREENING',
        outcome: 'CHARGES_FILED',
        type: 'ARREST_DIVERSION',
        deadline: { ruleId: 'R-INTAKE', dueAt: '2027-01-02T07:59:59.999Z' },
      },
    });
    expect(plainTextProblems(`${subject}\n${text}`)).toEqual([]);
    expect(text).toContain('Where it stands: Waiting for screening (charges filed)');
    expect(text).toContain('Intake and consent due by: Fri 1 Jan 2027, end of the day (Pacific)');
    expect(text).not.toContain('AWAITING_SCREENING');
    // The rule stays, as the e-mail's "why" (and in its X-LEAD-Rule header).
    expect(text).toMatch(/^Why you are told: .+\(R-INTAKE\)\.$/m);
  });
});

/** A case's program status as the API answers it (only what these sentences read). */
function status(stage: Stage, deadlines: Array<[string, string, string]> = [], extra: Partial<CaseStatus> = {}) {
  return {
    referralId: 'BUR-0123456789',
    type: 'ARREST_DIVERSION',
    stage,
    referredAt: '2026-12-02T17:00:00.000Z',
    prosecutorOffice: 'KCPAO',
    prosecutorOffices: ['KCPAO'],
    victimCrime: false,
    filingDecisionsOwedBy: [],
    deadlines: deadlines.map(([ruleId, name, dueAt]) => ({ ruleId, name, dueAt, status: 'OPEN' as const })),
    ...extra,
  } as unknown as CaseStatus;
}

describe('what the referrer is told, and what each reader does next', () => {
  test('a diversion: local times, offices by name, no ISO instant and no rule id', () => {
    const steps = nextSteps(
      status('AWAITING_SCREENING', [
        ['R-SCENE', 'scene exclusion window ends', '2026-12-03T00:41:51.250Z'],
        ['R-INTAKE', 'intake and consent complete', '2027-01-02T07:59:59.999Z'],
      ]),
      config,
      PACIFIC.now,
    );
    expect(steps).toEqual([
      'The on-call case management team has been called to screen the person now.',
      "King County Prosecuting Attorney's Office receives the diversion packet.",
      'The person must not return to the scene before Wed 2 Dec, 4:41 pm (Pacific).',
      'Consent and the intake must be complete by Fri 1 Jan 2027, end of the day (Pacific).',
    ]);
  });

  test('a DOC warrant: the officer is told the NCI team was called — not case management', () => {
    const steps = referralNextSteps(
      status('AWAITING_NCI_DECISION', [
        ['R-EL-WARRANT', 'DOC NCI team decides on the referral', '2026-12-03T17:00:00.000Z'],
      ]),
      { ...PACIFIC, offices: config.offices },
    );
    expect(steps[0]).toBe(
      'The DOC NCI team has been called: a DOC warrant or violation is theirs to decide first, by Thu 3 Dec, 9:00 am (Pacific). Case management is not called unless they refer the person.',
    );
    expect(steps.join(' ')).not.toMatch(/case management (team )?has been called/i);
    for (const step of steps) expect(plainTextProblems(step)).toEqual([]);
  });

  test('the top of the case page: each reader’s own next step and its date, else who the case waits for', () => {
    const screening = status('AWAITING_SCREENING', [
      ['R-SCREEN', 'initial screening recorded', '2026-12-02T21:00:00.000Z'],
      ['R-SCENE', 'scene exclusion window ends', '2026-12-03T05:00:00.000Z'],
      ['R-INTAKE', 'intake and consent complete', '2027-01-02T07:59:59.999Z'],
    ]);
    const offered = (role: string) => offeredNames(role, 'AWAITING_SCREENING');
    const say = (role: string, office?: string) =>
      nextStepSentence(nextStepFor(screening, { role, office }, offered(role)), PACIFIC);
    expect(say('case_manager')).toBe(
      'Your next step: screen the person, by Wed 2 Dec, 1:00 pm (Pacific) — in 3 hours.',
    );
    expect(say('officer')).toBe(
      'Your next step: report it if the person comes back to the scene before the exclusion ends, by Wed 2 Dec, 9:00 pm (Pacific) — in 11 hours.',
    );
    expect(say('prosecutor', 'KCPAO')).toBe(
      'Your next step: review the diversion packet for your office. If intake and consent are not complete by Fri 1 Jan 2027, end of the day (Pacific) — in 30 days, your office decides whether to file the original charge.',
    );
    expect(say('project_manager')).toBe(
      'Nothing for you to do now. Next, case management screens the person, by Wed 2 Dec, 1:00 pm (Pacific) — in 3 hours.',
    );
    expect(standingSentence(screening, PACIFIC)).toBe(
      'Referred Wed 2 Dec, 9:00 am (Pacific). Case management has been called to screen the person.',
    );
    expect(standingSentence(status('AWAITING_NCI_DECISION'), PACIFIC)).toMatch(/DOC NCI team decides/);
    for (const stage of STAGES)
      expect([stage, plainTextProblems(standingSentence(status(stage), PACIFIC))]).toEqual([stage, []]);
  });
});

/** The actions a role is offered at a stage by the catalogue alone (roles as the permission table has them). */
function offeredNames(role: string, stage: Stage): Array<{ name: string }> {
  const byRole: Record<string, string[]> = {
    case_manager: ['recordScreening', 'recordLeftBeforeScreening', 'recordScreenedOut', 'recordCaseNote'],
    officer: ['reportReturnToScene', 'extendIntakeDeadline'],
    prosecutor: ['recordPacketReview', 'recordFilingDecision'],
    project_manager: ['nominateForStaffing'],
  };
  return (byRole[role] ?? [])
    .filter((name) => ACTION_CATALOGUE[name as keyof typeof ACTION_CATALOGUE].stages?.includes(stage) ?? true)
    .map((name) => ({ name }));
}

describe('refusals and the accounting of disclosures, in words', () => {
  test('a refusal: stages as words, the field by its label, instants in local time, rule ids for the why', () => {
    expect(
      plainRefusal(
        'Reporting a return to the scene is not possible: case BUR-0123456789 is LEFT_BEFORE_SCREENING (R-SCENE; allowed when AWAITING_SCREENING or AWAITING_INTAKE)',
        PACIFIC,
      ),
    ).toEqual({
      text: 'Reporting a return to the scene is not possible: case BUR-0123456789 is left before screening',
      ruleIds: ['R-SCENE'],
    });
    expect(
      plainRefusal('observedAt: cannot be before the referral (2026-12-02T17:00:00.000Z) (R-SCENE)', {
        ...PACIFIC,
        fieldLabels: { observedAt: 'Seen at' },
      }),
    ).toEqual({ text: 'Seen at: cannot be before the referral (Wed 2 Dec, 9:00 am (Pacific))', ruleIds: ['R-SCENE'] });
  });

  test('where and under what a disclosure was made: no API route, the rule as the why', () => {
    expect(channelLabel('GET /api/cases/:caseId')).toBe('the case page');
    expect(channelLabel('GET /api/cases/:caseId/packet.pdf')).toBe('the diversion packet (PDF)');
    expect(channelLabel('GET /api/reports/:month/staffing-list.csv')).toBe('the staffing list (CSV)');
    expect(basisLabel('R-PACKET: the prosecutor office with jurisdiction')).toEqual({
      text: 'The prosecutor office with jurisdiction',
      ruleIds: ['R-PACKET'],
    });
    expect(basisLabel('R-ROI: release of information cm1abc (version 2), in force and covering staffing').text).toBe(
      "The person's release of information (version 2), in force and covering staffing",
    );
    expect(deadlineLabel({ ruleId: 'R-SCENE', name: 'scene exclusion window ends' })).toBe(
      'No return to the scene until',
    );
  });

  test('the check itself: an ISO instant, a code and a rule id as a label are found; words pass', () => {
    expect(plainTextProblems('due 2026-12-03T00:41:51.250Z')).toEqual(['an ISO instant (2026-12-03T00:41:51.250Z)']);
    expect(plainTextProblems('Case status: AWAITING_SCREENING')).toEqual(['the code AWAITING_SCREENING']);
    expect(plainTextProblems('stage ENROLLED')).toEqual(['the code ENROLLED']);
    expect(labelProblems('R-EL-NORIGHT')).toEqual(['a rule id as the label (R-EL-NORIGHT)']);
    expect(plainTextProblems('Enrolled in LEAD — KCPAO, BUR-0123456789, 12 Apr 1988')).toEqual([]);
    expect(CODE_WORDS).toEqual(expect.arrayContaining([...STAGES, 'IIP_RECORDED', 'CASE_MANAGEMENT_CALLED']));
    expect(ROLES.every((r) => labelProblems(r).length === 0)).toBe(true);
  });
});

describe('the CSV files people read', () => {
  test('the staffing list and the accounting of disclosures say, after their codes, the same in words', () => {
    const staffing = parse(
      staffingListCsv([
        {
          referralId: 'BUR-0123456789',
          type: 'ARREST_DIVERSION',
          stage: 'AWAITING_INTAKE',
          referredOn: '2026-11-20',
          caseManagerId: null,
          nextDeadlineRule: 'R-INTAKE',
          nextDeadlineOn: '2026-12-20',
          stuck: ['SCREENING_OVERDUE'],
          name: null,
          namedBecause: null,
          nominations: [],
        },
      ]),
      { columns: true, bom: true },
    );
    expect(staffing[0]).toMatchObject({
      stage: 'AWAITING_INTAKE',
      where_it_stands: 'Screened, waiting for intake',
      next_deadline: 'Intake and consent complete: 20 Dec 2026',
      flags: 'Screening not recorded in time',
    });
    const disclosures = parse(
      disclosuresCsv(
        [
          {
            at: '2026-12-03T00:41:51.250Z',
            actorId: 'dpa-2',
            actorName: 'Deputy prosecutor Ari Stone',
            actorRole: 'prosecutor',
            actorOffice: 'KCPAO',
            actorAgency: null,
            caseId: 'BUR-0123456789',
            kinds: ['REFERRAL_RECORD'],
            basis: 'R-PACKET: the prosecutor office with jurisdiction',
            releaseId: null,
            channel: 'GET /api/cases/:caseId/packet',
            requestId: 'r-1',
          },
        ],
        'America/Los_Angeles',
      ),
      { columns: true, bom: true },
    );
    expect(disclosures[0]).toMatchObject({
      at: '2026-12-03T00:41:51.250Z',
      shown_to: 'Deputy prosecutor Ari Stone, prosecutor',
      when: 'Wed 2 Dec 2026, 4:41 pm (Pacific)',
      what: 'the referral record',
      where: 'the diversion packet',
      under: 'The prosecutor office with jurisdiction',
    });
    for (const row of [...staffing, ...disclosures] as Array<Record<string, string>>)
      for (const column of ['where_it_stands', 'next_deadline', 'flags', 'shown_to', 'when', 'what', 'where', 'under'])
        if (column in row) expect([column, plainTextProblems(row[column])]).toEqual([column, []]);
  });
});
