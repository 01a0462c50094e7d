import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
}

/**
 * A real SMTP server that keeps what it receives: the developer's inbox under `npm start`, and the
 * receiver tests read notices from. Nothing is relayed anywhere.
 */
export class MailCapture {
  readonly messages: CapturedMail[] = [];
  private server?: SMTPServer;
  port = 0;
  /** Transactions a sender abandoned (its connection reset before the message was accepted). */
  readonly abortedTransactions: string[] = [];
  /** How long the server waits before accepting each sender (a slow relay, for fault tests). */
  delayMs = 0;

  /** `headersOnly`: keep only the notice headers (no MIME parsing), for tens of thousands of messages. */
  constructor(private readonly options: { saveDir?: string; headersOnly?: boolean } = {}) {}

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        setTimeout(() => callback(), this.delayMs);
      },
      onData: (stream, session, callback) => {
        if (this.options.headersOnly) {
          let raw = '';
          stream.on('data', (chunk: Buffer) => {
            if (raw.length < 8192) raw += chunk.toString('utf8');
          });
          stream.on('end', () => {
            const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1]?.trim() ?? '';
            this.messages.push({
              messageId: header('Message-ID'),
              from: header('From'),
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: header('Subject'),
              text: '',
              headers: {
                'x-lead-notice-id': header('X-LEAD-Notice-Id'),
                'x-lead-referral': header('X-LEAD-Referral'),
                'x-lead-rule': header('X-LEAD-Rule'),
              },
              receivedAt: new Date().toISOString(),
            });
            callback();
          });
          return;
        }
        simpleParser(stream)
          .then(async (parsed) => {
            const mail: CapturedMail = {
              messageId: parsed.messageId ?? '',
              from: parsed.from?.text ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              headers: Object.fromEntries(
                [...parsed.headers].map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
              ),
              receivedAt: new Date().toISOString(),
            };
            this.messages.push(mail);
            if (this.options.saveDir) await saveMessage(this.options.saveDir, mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    // A sender that dies mid-transaction (a SIGKILLed worker) resets its connection: its message was
    // never accepted, so it is not lost here; the sender's retry delivers it. Without this listener the
    // server's 'error' event would crash the process that hosts the receiver.
    this.server.on('error', (err: Error) => {
      this.abortedTransactions.push(err.message);
    });
    this.port = (this.server as unknown as { server: { address(): { port: number } } }).server.address().port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * One file per message, named by its arrival time and a random id (never two messages to one name,
 * whatever arrives in the same millisecond or after a restart), written under a temporary name and
 * renamed into place so a reader never sees half a message.
 */
async function saveMessage(dir: string, mail: CapturedMail): Promise<void> {
  await mkdir(dir, { recursive: true });
  const name = `${mail.receivedAt.replace(/[:.]/g, '-')}-${randomUUID()}.json`;
  const partial = path.join(dir, `.${name}.partial`);
  await writeFile(partial, JSON.stringify(mail, null, 2));
  await rename(partial, path.join(dir, name));
}
