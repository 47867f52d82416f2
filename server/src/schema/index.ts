import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './site.js';
import './deploy.js';
import './log.js';
import './webhook.js';
import './secrets.js';
import './server-apps.js';
import './accounts.js';
import './auth-providers.js';
import './invitation-offer.js';
import './notifications.js';
import './traffic.js';
import './digest-deploys.js';
import './deploy-workflow.js';

export const schema = builder.toSchema();

/** The checked-in schema.graphql is exactly this text; a test fails when the file is stale. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
