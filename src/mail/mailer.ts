import nodemailer from 'nodemailer';

/** The one thing activities need from mail: send a message, get its id back. */
export interface Mailer {
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP through nodemailer; `smtpUrl` like smtp://user:pass@relay.example.org:587 . */
export function createSmtpMailer(smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    // A deadline storm sends thousands of notices at once: each reuses an open connection instead of
    // a TCP connect, greeting and EHLO of its own. A connection the server closed is replaced.
    pool: true,
    maxConnections: 5,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Fail fast, so that a retry — not a hung attempt — deals with a slow or absent server.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
