/**
 * Deletes a site's image tags from the registry through the Docker Registry HTTP API v2 (what Debian's
 * `docker-registry` and Docker's `registry:2` speak): a manifest is deleted by its digest, which a HEAD of
 * the tag answers in `Docker-Content-Digest`. A registry without deletes enabled answers 405; that is
 * reported, not fatal (its blobs then stay until the operator collects them). Loopback registries are plain
 * HTTP (as Docker allows them), any other is HTTPS.
 */
const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

export class RegistryTags {
  private readonly base: string;

  constructor(private readonly registry: string) {
    const host = registry.replace(/:\d+$/, '');
    const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
    this.base = `${loopback ? 'http' : 'https'}://${registry}/v2`;
  }

  /** The tags of `repository` (`launchpad/<slug>`); none when the registry has no such repository. */
  async list(repository: string): Promise<string[]> {
    const res = await fetch(`${this.base}/${repository}/tags/list`, { signal: AbortSignal.timeout(10_000) });
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`registry ${this.registry} answered ${res.status} listing ${repository}`);
    const body = (await res.json()) as { tags?: string[] | null };
    return body.tags ?? [];
  }

  /** Deletes `repository:tag`; returns false when the registry does not allow it (or has no such tag). */
  async delete(repository: string, tag: string): Promise<boolean> {
    const head = await fetch(`${this.base}/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { accept: MANIFEST_TYPES },
      signal: AbortSignal.timeout(10_000),
    });
    const digest = head.headers.get('docker-content-digest');
    if (!head.ok || !digest) return false;
    const del = await fetch(`${this.base}/${repository}/manifests/${digest}`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(10_000),
    });
    if (del.status === 405) return false;
    if (!del.ok && del.status !== 404)
      throw new Error(`registry ${this.registry} answered ${del.status} deleting ${repository}:${tag}`);
    return true;
  }
}
