/**
 * A git site's access to its repository (issue 12): which URL schemes go with which kind of access, the
 * sealed token and deploy key in `site_git_access`, and the ssh host key learned at first use.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { type SiteGitAccess, SiteGitAccessEntity } from '../db/secret-entities.js';
import { BadInputError } from '../domain/errors.js';
import type { GitAuth, Site } from '../domain/model.js';
import type { GitCredentials } from '../source/git-clone.js';
import type { SecretBox } from './box.js';
import { generateDeployKeyPair } from './deploy-key.js';

export const MAX_GIT_TOKEN_CHARS = 4096;

/**
 * Schemes a git URL may use with this kind of access: a deploy key is ssh's alone (and brings ssh in even
 * when LAUNCHPAD_GIT_SCHEMES does not list it); a token is sent to http(s) servers only.
 */
export function schemesFor(auth: GitAuth, configured: readonly string[]): string[] {
  if (auth === 'SSH_KEY') return ['ssh'];
  if (auth === 'TOKEN') return configured.filter((s) => s === 'https' || s === 'http');
  return [...configured];
}

export function validateGitToken(token: string): string {
  const t = token.trim();
  if (t.length === 0 || t.length > MAX_GIT_TOKEN_CHARS || !/^[!-~]+$/.test(t)) {
    throw new BadInputError(
      `A git token is 1 to ${MAX_GIT_TOKEN_CHARS} printable ASCII characters without spaces`,
      'gitToken',
    );
  }
  return t;
}

export interface DeployKeyView {
  publicKey: string;
  fingerprint: string;
  createdAt: Date;
}

export function findAccess(em: EntityManager, siteId: string): Promise<SiteGitAccess | null> {
  return em.findOne(SiteGitAccessEntity, { siteId });
}

/** The site's row, created (not yet flushed) when it has none. */
export async function accessRow(em: EntityManager, siteId: string): Promise<SiteGitAccess> {
  return (
    (await findAccess(em, siteId)) ??
    em.create(SiteGitAccessEntity, {
      siteId,
      gitToken: null,
      deployKeyPublic: null,
      deployKeyPrivate: null,
      deployKeyFingerprint: null,
      deployKeyCreatedAt: null,
      sshHost: null,
      sshHostKeys: null,
    })
  );
}

/** Puts a new deploy key pair on the row (private half sealed); the caller flushes. */
export function newDeployKey(access: SiteGitAccess, slug: string, box: SecretBox, now: Date): DeployKeyView {
  const pair = generateDeployKeyPair(`launchpad-${slug}`);
  access.deployKeyPublic = pair.publicKey;
  access.deployKeyPrivate = box.seal(pair.privateKey);
  access.deployKeyFingerprint = pair.fingerprint;
  access.deployKeyCreatedAt = now;
  return deployKeyView(access)!;
}

export function deployKeyView(access: SiteGitAccess | null): DeployKeyView | null {
  if (!access?.deployKeyPublic || !access.deployKeyFingerprint || !access.deployKeyCreatedAt) return null;
  return {
    publicKey: access.deployKeyPublic,
    fingerprint: access.deployKeyFingerprint,
    createdAt: access.deployKeyCreatedAt,
  };
}

/** What a clone of this site needs to authenticate, decrypted; undefined for public repositories. */
export function cloneCredentials(
  site: Pick<Site, 'gitAuth'>,
  access: SiteGitAccess | null,
  box: SecretBox,
): GitCredentials | undefined {
  if (site.gitAuth === 'TOKEN') {
    if (!access?.gitToken)
      throw new BadInputError('This site uses a git token, and none is stored', 'gitToken');
    return { kind: 'token', token: box.open(access.gitToken) };
  }
  if (site.gitAuth === 'SSH_KEY') {
    if (!access?.deployKeyPrivate || !access.deployKeyFingerprint) {
      throw new BadInputError('This site uses a deploy key, and none is stored: generate one', 'gitAuth');
    }
    return {
      kind: 'ssh',
      privateKey: box.open(access.deployKeyPrivate),
      fingerprint: access.deployKeyFingerprint,
      knownHost:
        access.sshHost && access.sshHostKeys ? { host: access.sshHost, keys: access.sshHostKeys } : null,
    };
  }
  return undefined;
}
