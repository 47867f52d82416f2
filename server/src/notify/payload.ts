import { createHmac } from 'node:crypto';
import type { NotificationEventName } from './model.js';

/** What a delivery says, in api.md's shape: the JSON body of a WEBHOOK, the source of SLACK and EMAIL text. */
export interface EventPayload {
  event: NotificationEventName;
  at: string;
  site: { id: string; slug: string; url: string } | null;
  deploy: {
    id: string;
    number: number;
    status: string;
    error: string | null;
    permalink: string;
    /** DEPLOY_FAILED: the last lines of the deploy's log (already redacted when stored). */
    logTail?: string[];
  } | null;
  incident: { id: string; kind: string; at: string; reason: string | null } | null;
  /** Present and true on a "send test" delivery only. */
  test?: true;
}

/** The raw body: what is sent, stored, and signed. */
export function webhookBody(payload: EventPayload): string {
  return JSON.stringify(payload);
}

/** `X-Launchpad-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body under the channel's secret. */
export function signature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** One line a person reads first: the subject of an e-mail, the first line of a Slack message. */
export function headline(p: EventPayload): string {
  const slug = p.site?.slug ?? 'a site';
  if (p.test) return 'Launchpad test notification';
  switch (p.event) {
    case 'DEPLOY_SUCCEEDED':
      return `Deploy #${p.deploy?.number ?? '?'} of ${slug} is live`;
    case 'DEPLOY_FAILED':
      return `Deploy #${p.deploy?.number ?? '?'} of ${slug} failed`;
    case 'SITE_DOWN':
      return `${slug} is down`;
    case 'SITE_RECOVERED':
      return `${slug} is serving again`;
  }
}

/** The plain text of a message (Slack and e-mail): the headline, then what a person needs to act. */
export function messageText(p: EventPayload): string {
  const lines = [headline(p)];
  if (p.test) lines.push('This channel works: Launchpad can reach it.');
  if (p.site) lines.push(`Site: ${p.site.url}`);
  if (p.deploy) {
    if (p.deploy.error) lines.push(`Error: ${p.deploy.error}`);
    lines.push(`Deploy: ${p.deploy.permalink}`);
    if (p.deploy.logTail?.length) lines.push('', 'Last log lines:', ...p.deploy.logTail);
  }
  if (p.incident) {
    lines.push(`At: ${p.incident.at}`);
    if (p.incident.reason) lines.push(`Reason: ${p.incident.reason}`);
  }
  return lines.join('\n');
}

/** Slack's incoming-webhook body. */
export function slackBody(p: EventPayload): string {
  return JSON.stringify({ text: messageText(p) });
}
