import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Docker from 'dockerode';
import { CHROMIUM } from './chromium.js';

/**
 * Fails the run at once, with the fix, when no Docker engine answers (rather than 50 timeouts). Builds the
 * dashboard the browser tests drive (web/dist, which the control plane serves) once, from the sources
 * under test, before any file runs: built by one test file, it emptied web/dist while another file's
 * browser was loading the page (CI runs two files at once).
 */
export default async function setup(): Promise<void> {
  try {
    await new Docker().ping();
  } catch (err) {
    throw new Error(
      `No Docker engine answers (${(err as Error).message}). Run \`npm test\` (it starts one via ` +
        'scripts/ensure-docker.sh) or start dockerd yourself.',
    );
  }
  if (existsSync(CHROMIUM)) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: resolve(import.meta.dirname, '../../../web'),
      stdio: 'inherit',
    });
  }
}
