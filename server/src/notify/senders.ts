import type { NotificationMail } from '../accounts/mailer.js';
import type { PostResult } from './http-post.js';
import type { NotificationKind } from './model.js';
import { type EventPayload, headline, messageText, signature, slackBody } from './payload.js';

/** The channel as a sender needs it: the signing secret opened. */
export interface SendChannel {
  kind: NotificationKind;
  target: string;
  secret: string | null;
}

/** The outgoing side effects, one each: an HTTP POST and an e-mail (null: no SMTP is configured). */
export interface Transports {
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  mail: ((mail: NotificationMail) => Promise<void>) | null;
}

/**
 * Sends one attempt of a delivery. `body` is the stored payload (the WEBHOOK's raw body, byte for byte on
 * every attempt); SLACK and EMAIL render their text from it.
 */
export async function sendAttempt(
  transports: Transports,
  channel: SendChannel,
  delivery: { id: string; event: string; body: string },
): Promise<PostResult> {
  const payload = JSON.parse(delivery.body) as EventPayload;
  switch (channel.kind) {
    case 'WEBHOOK':
      return transports.post(channel.target, delivery.body, {
        'x-launchpad-event': delivery.event,
        'x-launchpad-delivery': delivery.id,
        'x-launchpad-signature-256': signature(channel.secret ?? '', delivery.body),
      });
    case 'SLACK':
      return transports.post(channel.target, slackBody(payload), {});
    case 'EMAIL': {
      if (!transports.mail) {
        return { status: null, ok: false, error: 'no SMTP server is configured (LAUNCHPAD_SMTP_URL)' };
      }
      try {
        await transports.mail({ to: channel.target, subject: headline(payload), text: messageText(payload) });
        return { status: null, ok: true, error: null };
      } catch (err) {
        return { status: null, ok: false, error: mailError(err) };
      }
    }
  }
}

/**
 * `work`, or an ETIMEDOUT error after `ms`: nodemailer's own socket timeout is ten minutes, and a deliverer
 * pass waits for its attempts.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** An SMTP failure from its codes only: nodemailer's messages may quote the server's greeting or the login. */
function mailError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number };
  const parts = [e.code, e.responseCode ? `SMTP ${e.responseCode}` : null].filter(Boolean);
  return `sending the e-mail failed${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
