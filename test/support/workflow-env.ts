import { randomUUID } from 'node:crypto';
import { ApplicationFailure, type DataConverter } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { LeadActivities } from '../../activities';
import { adoptCapacity } from '../../activities/capacity';
import type { ActivityDeps } from '../../activities/activity-deps';
import { monthOfRequest } from '../../activities/produce-monthly-report';
import { casePolicyOf, loadConfig } from '../../src/config/load-config';
import type { CaseProgress, NoticeRequest } from '../../src/contract/activity-contract';
import type { CaseActionArgs, CaseActionName } from '../../src/case/actions';
import type { CaseEvent } from '../../src/case/case-event-types';
import type { CasePolicy } from '../../src/case/case-policy';
import type { CaseView } from '../../src/case/query-views';
import type { ArrestDiversionInput, SocialContactInput } from '../../src/case/start-inputs';
import { capacityWorkflowId, TASK_QUEUE } from '../../src/contract/definitions';
import { caseIdPrefixOf } from '../../src/shared/record-ids';
import type { Actor } from '../../src/shared/roles';
import { CaseWorkflows } from '../../src/temporal/case-workflows';
import { FAILURE_CONVERTER_PATH, WORKFLOWS_FROM_SOURCE } from '../../src/temporal/module-paths';
import { registerSearchAttributes } from '../../src/temporal/search-attribute-registry';
import { dataConverterFor } from '../../src/main/security-settings';
import { complain } from '../../src/process/terminal';
import type { PayloadKey } from '../../src/temporal/payload-encryption';
import { startEphemeralTemporal } from './ephemeral-temporal';
import { waitFor } from './wait-for';

/**
 * The workflow layer's environment (the pattern of temporalio/samples-typescript): Temporal's
 * time-skipping test server, the product's real workflow code, and activities replaced by stubs that
 * record what the workflows asked of them. No database, no SMTP, no API: a rule's clock or an
 * action's validator fails here if it is wrong, in a fraction of a second of real time.
 */
export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  /** The API's own client of the case workflows (start, act, read), on the running test's task queue. */
  cases: CaseWorkflows;
  /** The running test's task queue (each test has its own). */
  taskQueue: string;
  /** Workflows the running test started: terminated when it ends, so no test pays for another's clocks. */
  started: Set<string>;
  dataConverter: DataConverter;
  /** What the environment was started with (a stuck clock is replaced by a fresh environment of the same). */
  options: WorkflowEnvOptions;
  stop(): Promise<void>;
}

let runtimeInstalled = false;
function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    // Errors only: the stubs fail activities on purpose (an SMTP outage), and the test server lacks
    // capabilities the SDK warns about.
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
    });
  } catch {
    // another module of this test file installed it first
  }
}

export interface WorkflowEnvOptions {
  /**
   * `time-skipping` (default): Temporal's test server, whose time jumps ahead with `env.sleep`. `dev`: the
   * CLI's dev server, on a real clock, where a test needs what the test server lacks (Schedules, an
   * Update after continue-as-new, the visibility store's queries).
   */
  server?: 'time-skipping' | 'dev';
  /** Payload keys (the fixtures' recorder encrypts with the replay key, as production does). */
  payloadKeys?: PayloadKey[];
}

export async function startWorkflowEnv(options: WorkflowEnvOptions = {}): Promise<WorkflowTestEnv> {
  quietRuntime();
  const dataConverter: DataConverter = options.payloadKeys
    ? dataConverterFor(options.payloadKeys)
    : { failureConverterPath: FAILURE_CONVERTER_PATH };
  const testServer = process.env.TEMPORAL_TEST_SERVER_PATH;
  const cli = process.env.TEMPORAL_CLI_PATH;
  const env =
    options.server === 'dev'
      ? await startEphemeralTemporal({
          kind: 'dev',
          server: { executable: cli ? { type: 'existing-path', path: cli } : undefined },
          client: { dataConverter },
        })
      : await startEphemeralTemporal({
          kind: 'time-skipping',
          server: { executable: testServer ? { type: 'existing-path', path: testServer } : undefined },
          client: { dataConverter },
        });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return {
    env,
    dataConverter,
    cases: new CaseWorkflows(env.client),
    taskQueue: TASK_QUEUE,
    started: new Set(),
    options,
    stop: () => env.teardown(),
  };
}

/** The test file's environment: started before its tests, stopped after them. */
export function workflowEnvOfFile(options: WorkflowEnvOptions = {}): WorkflowTestEnv {
  const wf = {} as WorkflowTestEnv;
  beforeAll(async () => {
    Object.assign(wf, await startWorkflowEnv(options));
  });
  afterAll(async () => {
    await wf.stop?.();
  });
  return wf;
}

/** One notice a workflow asked the stubbed activities to send, as they recorded it. */
export interface SentNotice extends NoticeRequest {
  sentAt: string;
}

/**
 * Activities as stubs that record every call. Tests read what a case owed (notices by rule and
 * recipient, projected events) from here, and may replace any stub (an SMTP outage, a failing step).
 */
export class RecordingActivities {
  readonly notices: SentNotice[] = [];
  readonly progress = new Map<string, CaseProgress>();
  readonly events = new Map<string, CaseEvent[]>();
  readonly calls: Array<{ name: keyof LeadActivities; args: unknown }> = [];
  /** Set to make delivery fail (an SMTP outage): sendNotices throws while it returns true. */
  failDelivery: (notice: NoticeRequest) => boolean = () => false;
  /**
   * Where `signalCapacity` goes: nowhere (recorded only) unless a test lets the program's real capacity
   * coordinator workflow count places (`forwardCapacity`).
   */
  private capacity?: { wf: WorkflowTestEnv; places: number };

  /** R-SC-CAPACITY: capacity signals reach the real coordinator workflow, configured with `places`. */
  forwardCapacity(wf: WorkflowTestEnv, places: number): this {
    this.capacity = { wf, places };
    return this;
  }

  /** Notices of one case, optionally to one recipient role, in the order they were sent. */
  noticesOf(caseId: string, role?: string): SentNotice[] {
    return this.notices.filter((n) => n.referralId === caseId && (!role || n.recipient.role === role));
  }

  /** The rule ids of one case's notices (to one recipient role). */
  rulesOf(caseId: string, role?: string): string[] {
    return this.noticesOf(caseId, role).map((n) => n.ruleId);
  }

  /** Every event of one case the workflow projected, in order. */
  eventsOf(caseId: string): CaseEvent[] {
    return this.events.get(caseId) ?? [];
  }

  callsOf<N extends keyof LeadActivities>(name: N): Array<Parameters<LeadActivities[N]>[0]> {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as Parameters<LeadActivities[N]>[0]);
  }

  activities(): LeadActivities {
    const send = (request: NoticeRequest) => {
      // The retry is asked for at the workflow's own maximum interval: a local activity then waits on a
      // workflow timer, which the test server skips, instead of backing off in real time inside the task.
      if (this.failDelivery(request))
        throw ApplicationFailure.create({
          message: `SMTP unavailable (stub) for notice ${request.noticeId}`,
          nextRetryDelay: '10 minutes',
        });
      const sentAt = new Date().toISOString();
      // Every delivery is kept, repeats included: a workflow owing the same notice twice must show.
      this.notices.push({ ...request, sentAt });
      return { messageId: `<${request.noticeId}@stub>`, sentAt };
    };
    const record = <N extends keyof LeadActivities>(name: N, args: unknown) => this.calls.push({ name, args });
    const stubs: LeadActivities = {
      sendNotices: async (requests) => {
        record('sendNotices', requests);
        return requests.map(send);
      },
      recordCaseProgress: async (progress) => {
        record('recordCaseProgress', progress);
        const known = this.events.get(progress.referralId) ?? [];
        const fresh = progress.events.filter((e) => !known.some((k) => k.seq === e.seq));
        this.events.set(progress.referralId, [...known, ...fresh]);
        const last = this.progress.get(progress.referralId);
        if (!last || last.seq <= progress.seq) this.progress.set(progress.referralId, progress);
      },
      signalCapacity: async (request) => {
        record('signalCapacity', request);
        if (!this.capacity) return;
        const { wf, places } = this.capacity;
        wf.started.add(capacityWorkflowId(caseIdPrefixOf(request.caseId)));
        await wf.cases.signalCapacity(request.signal, {
          caseId: request.caseId,
          places,
          ...(request.approvedAt ? { approvedAt: request.approvedAt } : {}),
          ...(request.toCaseId ? { toCaseId: request.toCaseId } : {}),
        });
      },
      adoptCapacity: async (request) => {
        record('adoptCapacity', request);
        return this.capacity ? adoptCapacity({ cases: this.capacity.wf.cases } as ActivityDeps, request) : undefined;
      },
      openLinkedSocialContact: async (request) => {
        record('openLinkedSocialContact', request);
        return { socialContactReferralId: `${request.fromReferralId}-SC` };
      },
      produceMonthlyReport: async (request) => {
        record('produceMonthlyReport', request);
        return { month: monthOfRequest(request) } as Awaited<ReturnType<LeadActivities['produceMonthlyReport']>>;
      },
      remindFollowUp: async (request) => void record('remindFollowUp', request),
      markFollowUp: async (request) => void record('markFollowUp', request),
      produceEvaluation: async (request) => {
        record('produceEvaluation', request);
        return { computedAt: new Date().toISOString() };
      },
    };
    return stubs;
  }
}

/**
 * Runs `body` while a worker with the product's workflows and the given activities polls the task
 * queue (`worker.runUntil`, as the samples do); the worker stops when `body` settles, and every
 * workflow the test started is terminated.
 */
export async function withWorker<T>(
  wf: WorkflowTestEnv,
  activities: RecordingActivities | LeadActivities,
  body: () => Promise<T>,
): Promise<T> {
  useFreshTaskQueue(wf);
  try {
    return await (await createTestWorker(wf, activities)).runUntil(body);
  } finally {
    await endStarted(wf);
    await keepClockSkipping(wf);
  }
}

/** Longer than any healthy skip takes to answer, even on a loaded machine; far shorter than the skip. */
const STUCK_CLOCK_AFTER_MS = 5_000;

/**
 * The test server keeps a time-skipping lock for every workflow task and activity it has scheduled, and a
 * workflow terminated with one outstanding never gives it back (sdk-java's test server,
 * `TestWorkflowMutableStateImpl.terminateWorkflowExecution`). From then on its clock runs at real speed
 * only, and the next test's `sleep` past a 30-day deadline would take 30 days (runs N, O and R: a workflow
 * file stuck past 120 s under load, when a test ended with a notice still unsent). So after each test's
 * terminations, a minute's skip that has not answered within seconds proves the clock stuck, and the
 * file's environment is replaced by a fresh one.
 */
export async function keepClockSkipping(wf: WorkflowTestEnv): Promise<void> {
  const { connection } = wf.env;
  const { testService } = connection;
  if (!wf.env.supportsTimeSkipping || !testService) return;
  // Abortable, so that no call of the stuck environment is left to be retried after it is stopped.
  const probe = new AbortController();
  const skipped = connection
    .withAbortSignal(probe.signal, () => testService.unlockTimeSkippingWithSleep({ duration: msToTs('1 minute') }))
    .then(
      () => true,
      () => true,
    );
  const timer = setTimeout(() => probe.abort(), STUCK_CLOCK_AFTER_MS);
  const answered = await skipped;
  clearTimeout(timer);
  if (answered && !probe.signal.aborted) return;
  complain(
    `${expect.getState().currentTestName}: the test server's clock stopped skipping; a fresh one for the tests after it`,
  );
  await wf.stop();
  Object.assign(wf, await startWorkflowEnv(wf.options));
}

/** A task queue of its own per test: no task is ever offered to a poll an earlier test's worker left behind. */
export function useFreshTaskQueue(wf: WorkflowTestEnv): void {
  wf.taskQueue = `${TASK_QUEUE}-${randomUUID()}`;
  wf.cases = new CaseWorkflows(wf.env.client, wf.taskQueue);
}

/** A worker on the test's task queue (`maxCachedWorkflows: 0`: every task replays the case's history). */
export function createTestWorker(
  wf: WorkflowTestEnv,
  activities: RecordingActivities | LeadActivities,
  options: { maxCachedWorkflows?: number } = {},
): Promise<Worker> {
  return Worker.create({
    connection: wf.env.nativeConnection,
    namespace: wf.env.namespace ?? 'default',
    taskQueue: wf.taskQueue,
    ...workflowCode(),
    dataConverter: wf.dataConverter,
    activities: activities instanceof RecordingActivities ? activities.activities() : activities,
    ...options,
  });
}

/** The workflow code the tests run: the bundle the test set-up built once, or the source. */
function workflowCode() {
  const bundlePath = process.env.LEAD_TEST_WORKFLOW_BUNDLE;
  return bundlePath ? { workflowBundle: { codePath: bundlePath } } : WORKFLOWS_FROM_SOURCE;
}

/** Replays each history through today's workflow code: what failed, a line per workflow (none when all replay). */
export async function replayFailures(
  histories: HistoryAndWorkflowId[],
  dataConverter: DataConverter,
): Promise<string[]> {
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ ...workflowCode(), dataConverter }, histories))
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  return failures;
}

/**
 * Terminates every workflow the test started (those already closed are left as they are). A file whose
 * environment never started has none: its own failure is the one to report.
 */
export async function endStarted(wf: WorkflowTestEnv | undefined): Promise<void> {
  if (!wf) return;
  const ids = [...wf.started];
  wf.started.clear();
  await Promise.all(
    ids.map((id) =>
      wf.env.client.workflow
        .getHandle(id)
        .terminate('the test that started it has ended')
        .catch(() => undefined /* already closed */),
    ),
  );
}

/**
 * The program's default durations (src/config), as the API passes them to every case; its UTC offsets
 * run from today, where the test server's clock starts.
 */
export const DEFAULT_POLICY: CasePolicy = casePolicyOf(loadConfig(), new Date());

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

let serial = 0;
/** A case id like the API's (no personal data), unique in the test run. */
export const newCaseId = (prefix = 'BUR') =>
  `${prefix}-W${(++serial).toString().padStart(4, '0')}${randomUUID().slice(0, 5)}`;

/** An arrest diversion's start argument as the API builds it: a felony for the county prosecutor, no victim. */
export function arrestInput(overrides: Partial<ArrestDiversionInput> = {}): ArrestDiversionInput {
  return {
    referralId: newCaseId(),
    agency: 'BURIEN_PD',
    prosecutorOffice: 'KCPAO',
    offenseLevel: 'FELONY',
    victimCrime: false,
    policy: DEFAULT_POLICY,
    decision: { eligible: true, ruleIds: [], officerDecision: 'DIVERT' },
    ...overrides,
  };
}

/** A social contact's start argument as the API builds it: an officer's referral awaiting approval. */
export function socialInput(overrides: Partial<SocialContactInput> = {}): SocialContactInput {
  return { referralId: newCaseId(), agency: 'BURIEN_PD', source: 'OFFICER', policy: DEFAULT_POLICY, ...overrides };
}

export const ACTORS = {
  caseManager: { id: 'cm-1', role: 'case_manager' },
  sergeant: { id: 'sergeant-1', role: 'sergeant' },
  prosecutor: { id: 'prosecutor-1', role: 'prosecutor' },
  officer: { id: 'officer-1', role: 'officer' },
  docNci: { id: 'nci-1', role: 'doc_nci' },
} satisfies Record<string, Actor>;

/** A case action as the API sends it (an Update with a validator); resolves with the case as it then stands. */
export async function act<A extends CaseActionName>(
  wf: WorkflowTestEnv,
  caseId: string,
  action: A,
  input: CaseActionArgs<A>['input'] = {} as CaseActionArgs<A>['input'],
  actor: Actor = ACTORS.caseManager,
): Promise<CaseView> {
  await wf.cases.act(caseId, action, { actor, input, requestId: randomUUID() });
  return wf.cases.view(caseId);
}

/** Skips the test server's clock to an instant (plus an offset): a deadline, or just past it. */
export async function sleepTo(wf: WorkflowTestEnv, instant: string, offsetMs = 0): Promise<void> {
  const ms = Date.parse(instant) + offsetMs - (await wf.env.currentTimeMs());
  if (ms > 0) await wf.env.sleep(ms);
}

/** The case's intake deadline (R-INTAKE) as it stands. */
export async function intakeDueAt(wf: WorkflowTestEnv, caseId: string): Promise<string> {
  const due = (await wf.cases.view(caseId)).deadlines.find((d) => d.ruleId === 'R-INTAKE')?.dueAt;
  if (!due) throw new Error(`case ${caseId} has no intake deadline`);
  return due;
}

/**
 * The barrier after an action or a time jump: the case has delivered every notice it owes and
 * projected every event (neither is left in its state), so what the stubs recorded is complete.
 */
export function settled(wf: WorkflowTestEnv, caseId: string): Promise<CaseView> {
  return waitFor(async () => {
    const view = await wf.cases.view(caseId);
    return view.notices.length === 0 && view.events.length === 0 ? view : undefined;
  }, `case ${caseId} to deliver its notices and project its events`);
}

/** Starts an arrest diversion as the API does and waits until its first notices are out. */
export async function startArrest(wf: WorkflowTestEnv, input = arrestInput()): Promise<string> {
  wf.started.add(input.referralId);
  await wf.cases.startArrestDiversion(input);
  await settled(wf, input.referralId);
  return input.referralId;
}

export async function startSocial(wf: WorkflowTestEnv, input = socialInput()): Promise<string> {
  wf.started.add(input.referralId);
  await wf.cases.startSocialContact(input);
  await settled(wf, input.referralId);
  return input.referralId;
}
