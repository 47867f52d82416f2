import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Role } from '../domain/principal.js';
import type { Upload } from '../services/sites.js';
import { authScopes, unauthorized } from './auth.js';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { authenticated: boolean; role: Role };
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    File: { Input: Upload; Output: never };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin],
  scopeAuth: { authScopes, authorizeOnSubscribe: true, unauthorizedError: unauthorized },
  defaultFieldNullability: false,
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
