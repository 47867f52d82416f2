import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects, told apart by file name (README, "Tests"):
//   unit    `*.unit.test.ts`: needs Node, git and the repository only, never a Docker engine
//           (`npm run test:unit`, runs where no engine does).
//   engine  every other `*.test.ts`: drives the real Docker engine (and the parts behind it).
// A new file is an engine test until it is named `.unit.test.ts`, so forgetting the suffix costs speed,
// never a wrong result; and a unit test that reaches for Docker fails at once (DOCKER_HOST below).
const TEST_DIRS = ['server/test', 'web/test', 'cli/test'];
const UNIT = TEST_DIRS.map((dir) => `${dir}/**/*.unit.test.ts`);
const ALL = TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`);

// LAUNCHPAD_TEST_DATABASE=postgres (scripts/test.sh's second pass, README "PostgreSQL"): the tests that
// use a database run again with each data dir's database on PostgreSQL (support/test-database.ts), whose
// server LAUNCHPAD_TEST_POSTGRES_URL names. A file uses a database when it starts a Launchpad (harness,
// bare app, spawned server, buildApp) or opens one through support/test-database.ts (directly or through
// support/deploy-log.ts); the others (pure unit tests, engine tests of the runtime alone) ran once already
// and gain nothing from a second run.
const POSTGRES = process.env.LAUNCHPAD_TEST_DATABASE === 'postgres';
const USES_DATABASE = /support\/(test-database|harness|bare-app|spawn-server|deploy-log)\.js|buildApp\(/;
const databaseTests = (suffix: string, except: string[] = []) =>
  TEST_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => join(dir, file))
      .filter((file) => file.endsWith(suffix) && !except.some((e) => file.endsWith(e)))
      .filter((file) => USES_DATABASE.test(readFileSync(file, 'utf8'))),
  );
const onPostgres = POSTGRES
  ? { setupFiles: ['server/test/support/postgres-setup.ts'], env: { LAUNCHPAD_TEST_DATABASE: 'postgres' } }
  : {};

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads the CJS copy for our dependencies while Vite
    // would give our own sources the ESM one: two realms, and "Cannot use GraphQLScalarType from another
    // module". Point both at the copy Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Container starts and builds on a loaded 2-core machine need room; keep to the 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: POSTGRES ? 'unit-postgres' : 'unit',
          include: POSTGRES ? databaseTests('.unit.test.ts') : UNIT,
          ...onPostgres,
          // dockerode reads DOCKER_HOST: a unit test that touches Docker fails with this path in the error,
          // on every machine, instead of passing here and failing where no engine runs.
          env: { ...onPostgres.env, DOCKER_HOST: 'unix:///unit-tests-must-not-use-docker.sock' },
          // Pure tests share no state, so each worker keeps its module cache across files: most of a unit
          // run is importing the sources, not testing them.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: POSTGRES ? 'engine-postgres' : 'engine',
          include: POSTGRES ? databaseTests('.test.ts', ['.unit.test.ts']) : ALL,
          exclude: UNIT,
          ...onPostgres,
          // Fails the run at once, with the fix, when no engine answers.
          globalSetup: ['server/test/support/global-setup.ts'],
        },
      },
    ],
  },
});
