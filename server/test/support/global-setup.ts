import Docker from 'dockerode';

/** Fails the run at once, with the fix, when no Docker engine answers (rather than 50 timeouts). */
export default async function setup(): Promise<void> {
  try {
    await new Docker().ping();
  } catch (err) {
    throw new Error(
      `No Docker engine answers (${(err as Error).message}). Run \`npm test\` (it starts one via ` +
        'scripts/ensure-docker.sh) or start dockerd yourself.',
    );
  }
}
