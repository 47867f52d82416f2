import { afterAll } from 'vitest';
import { dropTestDatabases } from './test-database.js';

// Set up for every test file of the PostgreSQL run (vitest.config.ts): the databases a file made are
// dropped once its own afterAll hooks (which stop its servers) have run.
afterAll(dropTestDatabases, 60_000);
