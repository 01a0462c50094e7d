import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities, type LeadActivities } from '../../../activities';
import { NoticeBusyError } from '../../../activities/send-notice';
import { loadConfig } from '../../../src/config/load-config';
import { createPrisma, type PrismaClient } from '../../../src/db/prisma';
import { MailCapture } from '../../../src/mail/capture-server';
import { createSmtpMailer, type Mailer } from '../../../src/mail/mailer';
import type { NoticeReceipt, NoticeRequest } from '../../../src/contract/activity-contract';
import type { CaseWorkflows } from '../../../src/temporal/case-workflows';
import { createTestDatabase, type TestDatabase } from '../../support/shared-postgres';

/**
 * The notice activity where it meets its real neighbours — PostgreSQL and an SMTP server — run in
 * Temporal's MockActivityEnvironment (no Temporal server): a notice is delivered once however often its
 * activity is retried, an attempt never sends what another holds, and an undelivered notice stays owed.
 */
let database: TestDatabase;
let db: PrismaClient;
let mail: MailCapture;
let mailer: Mailer;
let activities: LeadActivities;
const config = loadConfig();

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrisma(database.appUrl, 4);
  mail = await new MailCapture().start();
  mailer = createSmtpMailer(mail.url);
  // These activities never reach Temporal: the case workflows' client is not needed.
  activities = createActivities({ db, mailer, config, configOf: async () => config, cases: {} as CaseWorkflows });
});
afterAll(async () => {
  mailer?.close();
  await mail?.stop();
  await db?.$disconnect();
  await database?.drop();
});

/** A referral row for notices to belong to (the workflow's activities write notices of existing referrals). */
async function referral(): Promise<string> {
  const id = `BUR-A${randomUUID().slice(0, 8).toUpperCase()}`;
  const owner = createPrisma(database.ownerUrl, 1);
  try {
    const person = await owner.person.create({
      data: { givenName: 'Test', familyName: 'Person', dateOfBirth: new Date('1980-01-01') },
    });
    await owner.referral.create({
      data: {
        id,
        submissionId: randomUUID(),
        submissionHash: 'test',
        type: 'ARREST_DIVERSION',
        personId: person.id,
        agency: 'BURIEN_PD',
        officerId: 'B-1',
        details: {},
      },
    });
  } finally {
    await owner.$disconnect();
  }
  return id;
}

const packet = (referralId: string): NoticeRequest => ({
  noticeId: `${referralId}.1.prosecutor-KCPAO`,
  referralId,
  kind: 'DIVERSION_PACKET',
  ruleId: 'R-PACKET',
  recipient: { role: 'prosecutor', office: 'KCPAO' },
  facts: { stage: 'AWAITING_SCREENING', type: 'ARREST_DIVERSION', office: 'KCPAO' },
});

const copiesOf = (noticeId: string) => mail.messages.filter((m) => m.headers['x-lead-notice-id'] === noticeId);

test('R-PACKET: delivered once to the office configured for it, however often the activity is retried', async () => {
  const notice = packet(await referral());
  const env = new MockActivityEnvironment();
  let heartbeats = 0;
  env.on('heartbeat', () => heartbeats++);
  const send = (on: MockActivityEnvironment) => on.run(activities.sendNotices, [notice]) as Promise<NoticeReceipt[]>;
  const [first] = await send(env);
  const [again] = await send(new MockActivityEnvironment());
  expect(again).toEqual(first);
  expect(heartbeats).toBeGreaterThan(0);
  const copies = copiesOf(notice.noticeId);
  expect(copies).toHaveLength(1);
  expect(copies[0].to).toContain(config.offices.KCPAO.email);
  expect(copies[0].messageId).toBe(first.messageId);
  expect(await db.notification.findUniqueOrThrow({ where: { id: notice.noticeId } })).toMatchObject({
    status: 'SENT',
    attempts: 1,
    messageId: first.messageId,
  });
});

test('an attempt that finds the notice held by another attempt backs off and sends nothing', async () => {
  const notice = packet(await referral());
  await activities.sendNotices([notice]).catch(() => undefined); // the row exists, sent
  await db.notification.update({
    where: { id: notice.noticeId },
    data: { status: 'SENDING', claimedUntil: new Date(Date.now() + 60_000), sentAt: null, messageId: null },
  });
  const before = copiesOf(notice.noticeId).length;
  await expect(new MockActivityEnvironment().run(activities.sendNotices, [notice])).rejects.toBeInstanceOf(
    NoticeBusyError,
  );
  expect(copiesOf(notice.noticeId)).toHaveLength(before);
});

test('SMTP unreachable: the notice stays owed with the error recorded, and the retry delivers it once', async () => {
  const notice = packet(await referral());
  const port = mail.port;
  await mail.stop();
  try {
    await expect(new MockActivityEnvironment().run(activities.sendNotices, [notice])).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    await mail.start(port);
  }
  expect(await db.notification.findUniqueOrThrow({ where: { id: notice.noticeId } })).toMatchObject({
    status: 'PENDING',
    attempts: 1,
    lastError: expect.stringMatching(/ECONNREFUSED/),
  });
  await new MockActivityEnvironment().run(activities.sendNotices, [notice]);
  expect(copiesOf(notice.noticeId)).toHaveLength(1);
  expect((await db.notification.findUniqueOrThrow({ where: { id: notice.noticeId } })).attempts).toBe(2);
});

test('the notices of one event: one held by another attempt is left to it, the others are delivered, and the retry sends only what is still owed', async () => {
  const caseId = await referral();
  const held = packet(caseId);
  const call: NoticeRequest = {
    ...held,
    noticeId: `${caseId}.1.case_manager`,
    kind: 'CASE_MANAGEMENT_CALLED',
    ruleId: 'R-CALL',
    recipient: { role: 'case_manager' },
  };
  const owner = new Date(Date.now() + 60_000);
  await db.notification.create({
    data: {
      id: held.noticeId,
      referralId: caseId,
      kind: held.kind,
      ruleId: held.ruleId,
      recipientRole: 'prosecutor',
      office: 'KCPAO',
      toAddress: config.offices.KCPAO.email,
      subject: 'held',
      status: 'SENDING',
      claimedUntil: owner,
    },
  });
  await expect(new MockActivityEnvironment().run(activities.sendNotices, [held, call])).rejects.toBeInstanceOf(
    NoticeBusyError,
  );
  expect(copiesOf(call.noticeId)).toHaveLength(1);
  expect(copiesOf(held.noticeId)).toHaveLength(0);

  // The other attempt's lease ends without a delivery: the retry sends the held notice, and only it.
  await db.notification.update({ where: { id: held.noticeId }, data: { claimedUntil: new Date(Date.now() - 1) } });
  const receipts = (await new MockActivityEnvironment().run(activities.sendNotices, [held, call])) as NoticeReceipt[];
  expect(receipts.map((r) => r.messageId)).toEqual([
    `<${held.noticeId}@lead-referrals>`,
    `<${call.noticeId}@lead-referrals>`,
  ]);
  expect(copiesOf(call.noticeId)).toHaveLength(1);
  expect(copiesOf(held.noticeId)).toHaveLength(1);
});
