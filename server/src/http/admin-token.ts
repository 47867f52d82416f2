import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AdminToken {
  token: string;
  /** True when this start generated the token (it is printed once, then only the file holds it). */
  generated: boolean;
}

/**
 * The admin token: LAUNCHPAD_ADMIN_TOKEN when set; else the one stored in `<data>/admin-token` (mode 0600);
 * else a new random one, stored there.
 */
export async function loadAdminToken(dataDir: string, configured: string | null): Promise<AdminToken> {
  if (configured) return { token: configured, generated: false };
  const file = join(dataDir, 'admin-token');
  const stored = await readFile(file, 'utf8').catch(() => null);
  if (stored?.trim()) return { token: stored.trim(), generated: false };
  const token = `lp_${randomBytes(32).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, generated: true };
}

/**
 * Checks `Bearer <token>` in constant time. Both sides are hashed first so the comparison does not leak the
 * token's length either.
 */
export function bearerMatches(header: string | null | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
