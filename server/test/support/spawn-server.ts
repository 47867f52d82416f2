import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { testDatabaseEnv } from './test-database.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Runs the real entry point (npm start's process) as a child a test can SIGKILL, and answers once it says
 * where it listens (120 s at most, so a loaded machine has time to compile it).
 */
export async function spawnServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  // On the PostgreSQL test run, the data dir's own database (support/test-database.ts).
  const database = env.LAUNCHPAD_DATA ? await testDatabaseEnv(env.LAUNCHPAD_DATA) : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}
