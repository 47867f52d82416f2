import type { CodegenConfig } from '@graphql-codegen/cli';

// Reads the printed schema (no server needed) and the graphql() documents of each client: the dashboard's
// sources and the CLI's. Each target has its own documents, so neither client's types carry the other's.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
      preset: 'client',
      // Solid components take plain typed props; masking would only add casts.
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        // Enums as `const` objects plus their union types: the dashboard needs ErrorCode's values at run time.
        enumsAsConst: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', File: 'File' },
        dedupeFragments: true,
      },
    },
    'cli/src/gql/': {
      documents: ['cli/src/**/*.ts', '!cli/src/gql/**'],
      preset: 'client',
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        // Operations as typed strings: the CLI sends them as text over HTTP and graphql-ws, so it needs no
        // DocumentNode printing (and no graphql-tag) at run time.
        documentMode: 'string',
        importExtension: '.js',
        enumsAsConst: true,
        useTypeImports: true,
        strictScalars: true,
        // A File variable is filled by a multipart part; the JSON operations carry null in its place.
        scalars: { DateTime: 'string', File: 'null' },
        dedupeFragments: true,
      },
    },
  },
};

export default config;
