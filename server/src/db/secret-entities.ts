import { EntitySchema } from '@mikro-orm/core';

/**
 * A git site's credentials and what it learned about its git server (issue 12), one row per site that has
 * any, deleted with its site. Kept out of `sites` so that no site snapshot (events, GraphQL parents) ever
 * carries them, not even sealed. Secret columns hold sealed text only (secrets/box.ts).
 */
export interface SiteGitAccess {
  siteId: string;
  /** HTTPS token (GitHub personal or fine-grained), sealed. */
  gitToken: string | null;
  /** `ssh-ed25519 AAAA… launchpad-<slug>`: what the user adds to the repository's deploy keys. */
  deployKeyPublic: string | null;
  /** OpenSSH private key, sealed. */
  deployKeyPrivate: string | null;
  /** `SHA256:…`, as `ssh-keygen -l` and GitHub show it. */
  deployKeyFingerprint: string | null;
  deployKeyCreatedAt: Date | null;
  /** `host` or `[host]:port` whose key is stored below (the git URL's server at first use). */
  sshHost: string | null;
  /** known_hosts lines of `sshHost`, stored at the first ssh clone; a different key fails the deploy. */
  sshHostKeys: string | null;
}

export const SiteGitAccessEntity = new EntitySchema<SiteGitAccess>({
  name: 'SiteGitAccess',
  tableName: 'site_git_access',
  properties: {
    siteId: {
      kind: 'm:1',
      entity: 'Site',
      mapToPk: true,
      primary: true,
      fieldName: 'site_id',
      deleteRule: 'cascade',
      index: false,
    },
    gitToken: { type: 'text', nullable: true },
    deployKeyPublic: { type: 'text', nullable: true },
    deployKeyPrivate: { type: 'text', nullable: true },
    deployKeyFingerprint: { type: 'string', length: 64, nullable: true },
    deployKeyCreatedAt: { type: 'datetime', nullable: true },
    sshHost: { type: 'string', length: 300, nullable: true },
    sshHostKeys: { type: 'text', nullable: true },
  },
});
