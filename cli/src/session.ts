import { homedir } from 'node:os';
import { Api } from './api/http.js';
import { configPath, mergeSettings, readConfig, requireSettings, type Settings } from './config.js';
import type { Output } from './output.js';

export interface Session {
  api: Api;
  settings: Settings;
}

/** Where this process keeps its config (XDG_CONFIG_HOME or ~/.config). */
export const configFile = () => configPath(process.env, homedir());

/** The saved settings under the environment's, checked, with the token kept out of everything printed. */
export async function openSession(out: Output): Promise<Session> {
  if (process.env.LAUNCHPAD_TOKEN) out.protect(process.env.LAUNCHPAD_TOKEN);
  const saved = await readConfig(configFile());
  if (saved?.token) out.protect(saved.token);
  const settings = requireSettings(mergeSettings(saved, process.env));
  return { api: new Api(settings), settings };
}
