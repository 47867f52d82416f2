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
          name: 'unit',
          include: UNIT,
          // dockerode reads DOCKER_HOST: a unit test that touches Docker fails with this path in the error,
          // on every machine, instead of passing here and failing where no engine runs.
          env: { DOCKER_HOST: 'unix:///unit-tests-must-not-use-docker.sock' },
          // Pure tests share no state, so each worker keeps its module cache across files: most of a unit
          // run is importing the sources, not testing them.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'engine',
          include: ALL,
          exclude: UNIT,
          // Fails the run at once, with the fix, when no engine answers.
          globalSetup: ['server/test/support/global-setup.ts'],
        },
      },
    ],
  },
});
