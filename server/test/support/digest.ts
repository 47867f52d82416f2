import { createHash } from 'node:crypto';
import type { GraphQLResponse, Launchpad } from './harness.js';

export const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/** A site's files as createDigestDeploy takes them. */
export function describeFiles(files: Map<string, Buffer>): { path: string; sha256: string; size: number }[] {
  return [...files].map(([path, content]) => ({ path, sha256: sha256(content), size: content.length }));
}

/**
 * A GraphQL multipart request (the spec's `operations`, `map`, then one part per file), as the CLI sends
 * it: each file at `variables.<filesPath>.<i>`, its part's filename what `names[i]` says.
 */
export async function multipart<T = Record<string, any>>(
  lp: Pick<Launchpad, 'url' | 'token'>,
  query: string,
  variables: Record<string, unknown>,
  parts: { name: string; content: Buffer }[] = [],
  filesPath = 'files',
  token: string | null = lp.token,
): Promise<GraphQLResponse<T> & { status: number }> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query,
      variables: { ...variables, ...(parts.length ? { [filesPath]: parts.map(() => null) } : {}) },
    }),
  );
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(parts.map((_, i) => [String(i), [`variables.${filesPath}.${i}`]]))),
  );
  parts.forEach((part, i) => {
    form.set(String(i), new Blob([new Uint8Array(part.content)]), part.name);
  });
  const res = await fetch(`${lp.url}/graphql`, {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: form,
  });
  const text = await res.text();
  try {
    return { ...(JSON.parse(text) as GraphQLResponse<T>), status: res.status };
  } catch {
    return { errors: [{ message: text }], status: res.status };
  }
}

export const CREATE_DIGEST = /* GraphQL */ `
  mutation CreateDigest($siteId: ID!, $files: [DeployFileInput!]!) {
    createDigestDeploy(siteId: $siteId, files: $files) { required deploy { id number status permalink } }
  }`;
export const UPLOAD_FILES = /* GraphQL */ `
  mutation Upload($deployId: ID!, $files: [File!]!) {
    uploadDeployFiles(deployId: $deployId, files: $files) { required deploy { id number status } }
  }`;
