import { text } from 'node:stream/consumers';
import { Api } from '../api/http.js';
import { normalizeUrl, writeConfig } from '../config.js';
import { EXIT, usage } from '../errors.js';
import { Viewer } from '../operations.js';
import type { Output } from '../output.js';
import { configFile } from '../session.js';

export interface LoginOptions {
  url?: string;
  token?: string;
}

/**
 * Checks the URL and token against the API (the viewer query needs a valid principal), and only then saves
 * them. `--token -` reads the token from stdin, so it stays out of shell history and the process list.
 */
export async function login(out: Output, opts: LoginOptions): Promise<number> {
  const rawUrl = opts.url ?? process.env.LAUNCHPAD_URL;
  if (!rawUrl) throw usage('login needs --url <url> (or LAUNCHPAD_URL)');
  let token = opts.token ?? process.env.LAUNCHPAD_TOKEN;
  if (token === '-') token = (await text(process.stdin)).trim();
  if (!token)
    throw usage('login needs --token <token> (or --token - to read it from stdin, or LAUNCHPAD_TOKEN)');
  out.protect(token);
  const settings = { url: normalizeUrl(rawUrl), token };
  const { viewer } = await new Api(settings).request(Viewer, {});
  const path = configFile();
  await writeConfig(path, settings);
  const who = viewer.user?.email ?? 'a token';
  const teams = viewer.teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, role: t.viewerRole }));
  out.result(
    { url: settings.url, user: viewer.user?.email ?? null, teams, config: path },
    `Logged in to ${settings.url} as ${who} (teams: ${teams.map((t) => t.slug).join(', ') || 'none'}).\nSaved to ${path}`,
  );
  return EXIT.OK;
}
