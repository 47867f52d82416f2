import { useGraphQlJit } from '@envelop/graphql-jit';
import { type ExecutionArgs, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Queries run as compiled JavaScript (graphql-jit): the dashboard's Sites list resolves some twelve thousand
 * fields for a thousand sites, and graphql-js' generic executor, which walks the document for every value,
 * was most of that query's time (bench/list.ts). Each query document is compiled once; the compiled form
 * is kept as long as yoga keeps the parsed document (its own bounded cache), so a client cannot grow it.
 *
 * Mutations and subscriptions keep graphql-js: a mutation resolves a handful of fields, and subscriptions
 * carry the gap-free log replay, which is not worth a second executor's semantics.
 */
export function useCompiledQueries(): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: (args: ExecutionArgs) =>
        getOperationAST(args.document, args.operationName)?.operation === 'query',
    },
  ) as Plugin;
}
