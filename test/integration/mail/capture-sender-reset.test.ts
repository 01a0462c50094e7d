import net from 'node:net';
import { MailCapture } from '../../../src/mail/capture-server';
import { createSmtpMailer } from '../../../src/mail/mailer';

/**
 * A worker SIGKILLed while it sends a notice resets its SMTP connection mid-transaction. The receiver
 * notes the abandoned transaction, keeps nothing of it, and goes on accepting mail: the sender's retry
 * delivers the notice. (Before, the second such reset crashed the process hosting the receiver.)
 */
async function abandonTransaction(port: number): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  const replies: string[] = [];
  socket.on('data', (chunk) => replies.push(chunk.toString()));
  const waitReply = async (code: string) => {
    while (!replies.join('').includes(code)) await new Promise((r) => setTimeout(r, 10));
    replies.length = 0;
  };
  await waitReply('220');
  for (const [command, reply] of [
    ['EHLO worker', '250'],
    ['MAIL FROM:<lead@example.org>', '250'],
    ['RCPT TO:<sergeants@example.org>', '250'],
    ['DATA', '354'],
  ]) {
    socket.write(`${command}\r\n`);
    await waitReply(reply);
  }
  // Half a message, then the connection reset — as a SIGKILLed sender leaves it. The pause is the
  // sender's own pace (the server must be reading the message when the reset comes), not a wait for a result.
  socket.write('Subject: half a notice\r\n\r\nthe first line');
  await new Promise((r) => setTimeout(r, 50));
  socket.resetAndDestroy();
  await new Promise((r) => socket.once('close', r));
}

test('a sender reset mid-transaction is recorded, not kept, and the receiver goes on', async () => {
  const capture = await new MailCapture({ headersOnly: true }).start();
  try {
    await abandonTransaction(capture.port);
    await abandonTransaction(capture.port);
    while (capture.abortedTransactions.length < 2) await new Promise((r) => setTimeout(r, 10));
    expect(capture.abortedTransactions).toHaveLength(2);

    const mailer = createSmtpMailer(capture.url);
    await mailer.send({
      from: 'lead@example.org',
      to: 'sergeants@example.org',
      subject: 'the retried notice',
      text: 'body',
      messageId: '<retried@test>',
      headers: {},
    });
    mailer.close();
    expect(capture.messages.map((m) => m.subject)).toEqual(['the retried notice']);
  } finally {
    await capture.stop();
  }
});
