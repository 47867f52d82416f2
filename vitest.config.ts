import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads the CJS copy for our dependencies while Vite
    // would give our own sources the ESM one: two realms, and "Cannot use GraphQLScalarType from another
    // module". Point both at the copy Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['server/test/**/*.test.ts', 'web/test/**/*.test.ts'],
    globalSetup: ['server/test/support/global-setup.ts'],
    // Tests drive a real Docker engine: give container starts and builds room, and keep to the 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
