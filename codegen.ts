import type { CodegenConfig } from '@graphql-codegen/cli';

// Reads the printed schema (no server needed) and the graphql() documents in the dashboard's sources.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
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
  },
};

export default config;
