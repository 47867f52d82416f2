import type { OidcProviderSettings } from '../auth/oidc/settings.js';
import { builder } from './builder.js';

// What a signed-out sign-in page needs to draw its buttons: the configured OpenID providers' names and labels
// (both come from the operator's configuration, never a secret). Public: the auth gate lets it through
// without a principal (auth-gate.ts PUBLIC_QUERIES).

const AuthProviderRef = builder.objectRef<OidcProviderSettings>('AuthProvider').implement({
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The sign-in starts at GET /auth/oidc/<name>' }),
    label: t.exposeString('label'),
  }),
});

builder.queryFields((t) => ({
  authProviders: t.field({
    type: [AuthProviderRef],
    description: 'The OpenID providers people may sign in with; answered without a principal',
    resolve: (_r, _a, ctx) => ctx.config.oidcProviders,
  }),
}));
