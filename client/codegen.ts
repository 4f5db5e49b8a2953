import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths are relative to the workspace root: Nx runs targets there.
const config: CodegenConfig = {
  schema: 'server/schema.graphql',
  documents: ['client/src/**/*.graphql', 'client/src/**/*.ts', '!client/src/app/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/app/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        // Apollo adds __typename itself; fragment masking is not used in this app.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // DateTimeISO is an ISO 8601 string; SafeInt a JS number; JSON is arbitrary, read through narrowing helpers.
        scalars: { DateTimeISO: 'string', SafeInt: 'number', JSON: 'unknown' },
        strictScalars: true,
      },
    },
  },
};

export default config;
