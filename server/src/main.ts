import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** `npm start` ends here: read the configuration, start, and stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Launchpad cannot start: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  const { url } = await app.start();
  console.log(`Launchpad is running at ${url}  (GraphQL: ${url}/graphql, data: ${config.dataDir})`);
  if (app.adminToken.generated) {
    console.log(
      `\nAdmin token (shown once; also stored in ${config.dataDir}/admin-token):\n\n  ${app.adminToken.token}\n`,
    );
  } else {
    console.log(
      config.adminToken
        ? 'Admin token: from LAUNCHPAD_ADMIN_TOKEN'
        : `Admin token: in ${config.dataDir}/admin-token`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (site containers keep serving)`);
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('Launchpad failed to start:', err);
  process.exit(1);
});
