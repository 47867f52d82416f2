import { GraphQLError } from 'graphql';
import { builder } from './builder.js';

// Yoga hands over its own File implementation, so check the shape rather than `instanceof File`.
builder.scalarType('File', {
  description:
    'A file sent as a part of a GraphQL multipart request (spec: github.com/jaydenseric/graphql-multipart-request-spec)',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    const file = value as { name?: unknown; size?: unknown; stream?: unknown } | null;
    if (
      !file ||
      typeof file.name !== 'string' ||
      typeof file.size !== 'number' ||
      typeof file.stream !== 'function'
    ) {
      throw new GraphQLError('Expected a file upload (multipart request)', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value as never;
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Expected an ISO 8601 date-time');
    return date;
  },
});
