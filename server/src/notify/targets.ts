import { BadInputError } from '../domain/errors.js';
import type { NotificationKind } from './model.js';

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * A channel's target, checked for its kind: an http(s) URL without credentials for WEBHOOK and SLACK, one
 * e-mail address for EMAIL (no display name, no list, no line break that could add a header). Returns the
 * normalised text to store.
 */
export function checkTarget(kind: NotificationKind, target: string): string {
  const text = target.trim();
  if (text.length === 0 || text.length > 2000) {
    throw new BadInputError('The target must be 1 to 2000 characters', 'target');
  }
  if (kind === 'EMAIL') {
    if (text.length > 254 || !EMAIL.test(text))
      throw new BadInputError('The target must be one e-mail address (name@example.com)', 'target');
    return text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInputError('The target must be an http:// or https:// URL', 'target');
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    throw new BadInputError('The target must be an http:// or https:// URL', 'target');
  }
  if (url.username || url.password) {
    throw new BadInputError('The target URL must not carry a user name or password', 'target');
  }
  if (kind === 'SLACK' && url.protocol !== 'https:' && url.hostname.endsWith('slack.com')) {
    throw new BadInputError("Slack's incoming webhooks are https:// URLs", 'target');
  }
  return url.toString();
}

/**
 * What a member without ADMIN sees of a target: a Slack incoming-webhook URL is itself the credential
 * (its path is the token), so only its origin is shown; a webhook's path may be one too.
 */
export function publicTarget(kind: NotificationKind, target: string): string {
  if (kind === 'EMAIL') return target;
  try {
    return `${new URL(target).origin}/…`;
  } catch {
    return '…';
  }
}
