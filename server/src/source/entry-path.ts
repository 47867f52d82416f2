/**
 * The checks every path a user names inside a site goes through, whether a zip entry or a digest deploy's
 * file (issue 15): a plain relative path below the site root, and no two entries that would land on the
 * same place. Pure: the caller says how a refusal is reported (which input field is at fault).
 */
export type Reject = (message: string) => Error;

export interface PathEntry {
  name: string;
  segments: string[];
  dir: boolean;
}

export function quote(name: string): string {
  return JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
}

/** A name must be a plain relative path: every way of leaving the root or confusing the file system fails. */
export function checkRelativePath(name: string, reject: Reject): PathEntry {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw reject(`${quote(name)} has a control character (such as NUL) in its name`);
  }
  if (/^([/\\]|[a-zA-Z]:)/.test(name)) throw reject(`${quote(name)} is an absolute path`);
  // The zip format mandates '/'; a backslash is either a Windows separator or an attempt to smuggle one.
  if (name.includes('\\')) {
    throw reject(`${quote(name)} contains a backslash; zip paths must use '/' (re-create the archive)`);
  }
  const dir = name.endsWith('/');
  const segments = (dir ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) {
    throw reject(`${quote(name)} points outside the archive ('..' is not allowed)`);
  }
  if (segments.some((s) => s === '' || s === '.')) {
    throw reject(`${quote(name)} has an empty or '.' path segment`);
  }
  if (segments.some((s) => Buffer.byteLength(s) > 255)) {
    throw reject(`${quote(name)} has a file or folder name longer than 255 bytes`);
  }
  return { name, segments, dir };
}

/** Duplicates, and a name that is both a file and a folder, would make one entry silently replace another. */
export function checkUniquePaths(entries: readonly PathEntry[], reject: Reject): void {
  const seen = new Set<string>();
  const folders = new Set<string>();
  for (const { name, segments, dir } of entries) {
    const key = segments.join('/');
    if (seen.has(key)) throw reject(`${quote(name)} appears twice in the archive`);
    seen.add(key);
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
    if (dir) folders.add(key);
  }
  for (const { name, segments, dir } of entries) {
    if (!dir && folders.has(segments.join('/'))) throw reject(`${quote(name)} is both a file and a folder`);
  }
}
