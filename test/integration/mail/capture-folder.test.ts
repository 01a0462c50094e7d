import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MailCapture } from '../../../src/mail/capture-server';
import { createSmtpMailer } from '../../../src/mail/mailer';

/**
 * `npm start`'s mail folder keeps every message the receiver accepted: one complete JSON file each,
 * however many arrive in the same millisecond, and again after the receiver restarts.
 */
test('every captured message is one complete file, whatever arrives at once', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-mail-'));
  const send = async (count: number, label: string) => {
    const capture = await new MailCapture({ saveDir: dir }).start();
    const mailer = createSmtpMailer(capture.url);
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        mailer.send({
          from: 'lead@example.org',
          to: 'sergeants@example.org',
          subject: `${label} ${i}`,
          text: 'body',
          messageId: `<${label}-${i}@test>`,
          headers: {},
        }),
      ),
    );
    mailer.close();
    await capture.stop();
  };
  await send(120, 'first');
  await send(30, 'after-restart');

  const files = readdirSync(dir);
  expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]);
  const subjects = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')).subject as string).sort();
  const expected = [
    ...Array.from({ length: 120 }, (_, i) => `first ${i}`),
    ...Array.from({ length: 30 }, (_, i) => `after-restart ${i}`),
  ].sort();
  expect(subjects).toEqual(expected);
});
