import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../src/schema/index.js';

describe('schema.graphql', () => {
  it('is exactly the printed Pothos schema (run `npm run generate` when this fails)', () => {
    const checkedIn = readFileSync(resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(checkedIn).toBe(printedSchema());
  });

  it('keeps the public names of api.md', () => {
    const sdl = printedSchema();
    for (const name of [
      'createSite(input: CreateSiteInput!): Site!',
      'deploySite(file: File, id: ID!): Deploy!',
      'deleteSite(id: ID!): ID!',
      'cancelDeploy(id: ID!): Deploy!',
      'updateSite(id: ID!, input: UpdateSiteInput!): Site!',
      'deployUpdated(id: ID!): Deploy!',
      'siteUpdated(id: ID): Site!',
      'deployLog(after: Int, deployId: ID!): LogLine!',
      'logs(after: Int, first: Int = 1000): [LogLine!]!',
      'deploys(first: Int = 20): [Deploy!]!',
      'site(id: ID, slug: String): Site',
      'enum DeployStatus',
      'scalar File',
      'scalar DateTime',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
