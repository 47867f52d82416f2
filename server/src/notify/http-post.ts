import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostResult {
  /** The response status; null when there was no response. */
  status: number | null;
  ok: boolean;
  /** What went wrong, safe to store and show: never the URL (a Slack URL is a credential) nor a secret. */
  error: string | null;
}

/**
 * POSTs `body` once, with a deadline for the whole exchange. A redirect is not followed (its target was never
 * checked): it counts as a failure. The response body is read and dropped, at most 64 KiB of it.
 */
export function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(target, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Launchpad-Notifier',
      },
    });
    const timer = setTimeout(() => {
      done({ status: null, ok: false, error: `no answer within ${Math.round(timeoutMs / 1000)} s` });
      req.destroy();
    }, timeoutMs);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 64 * 1024) res.destroy();
      });
      const finish = () => {
        if (status >= 200 && status < 300) done({ status, ok: true, error: null });
        else if (status >= 300 && status < 400) {
          done({ status, ok: false, error: `answered ${status} (a redirect; redirects are not followed)` });
        } else done({ status, ok: false, error: `answered ${status}` });
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      done({ status: null, ok: false, error: networkError(err) }),
    );
    req.end(body);
  });
}

/** A network failure in words, from its code alone: Node's messages name the address, sometimes the URL. */
export function networkError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT')
        ? `TLS failed (${err.code})`
        : `request failed (${err.code ?? 'unknown error'})`;
  }
}
