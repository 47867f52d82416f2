import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { type ExecutionArgs, GraphQLError, parse, type ValidationContext, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maskError } from './errors.js';
import { type CostLimits, operationCost } from './query-cost.js';

/** What one GraphQL operation may ask for (README, "Security model"). */
export interface OperationLimits extends CostLimits {
  /** Lexer tokens in the document: bounds parse time and the parser's recursion (no stack overflow). */
  maxTokens: number;
  /** Nesting of selections (introspection's `ofType` chains are not counted). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

export const OPERATION_LIMITS: OperationLimits = {
  // The dashboard's largest operation is under 150 tokens, GraphiQL's introspection query under 200.
  maxTokens: 2000,
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 50,
  // A full page of log lines (5000 × 4 fields) costs 25,000; the dashboard's site page about 500.
  maxCost: 50_000,
  assumedListSize: 50,
  // The resolvers clamp to the same numbers; asking for more is refused instead of silently cut.
  maxFirst: { 'Site.deploys': 200, 'Site.webhookDeliveries': 200, 'Deploy.logs': 5000 },
  defaultMaxFirst: 100,
};

/**
 * The cost limit, as envelop plugins: a token limit while parsing, depth, alias and directive limits while
 * validating (graphql-armor's rules), then the list-aware cost estimate (query-cost.ts) before execution.
 * Every refusal is a BAD_USER_INPUT error, returned before a resolver runs.
 *
 * Suggestions ("Did you mean …") are always off: they spell out the schema to anyone who can send a
 * query, and graphql-js's own `hideSuggestions` covers validation and variable coercion alike.
 */
export function useOperationLimits(limits: OperationLimits = OPERATION_LIMITS): Plugin[] {
  // armor's rules throw by default, which would escape validate() and take graphql-ws down with it.
  const report = {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
  };
  return [
    {
      onParse({ setParseFn }) {
        setParseFn((source, options) => parse(source, { ...options, maxTokens: limits.maxTokens }));
      },
      onValidate({ setValidationFn }) {
        setValidationFn((schema, document, rules) =>
          validate(schema, document, rules, { hideSuggestions: true }),
        );
      },
    },
    maxDepthPlugin({ n: limits.maxDepth, ...report }),
    maxAliasesPlugin({ n: limits.maxAliases, ...report }),
    maxDirectivesPlugin({ n: limits.maxDirectives, ...report }),
    {
      onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
        const refusal = costRefusal(args, limits);
        if (refusal) return setResultAndStopExecution({ errors: [refusal] });
        setExecuteFn((a) => executeFn({ ...a, hideSuggestions: true } as ExecutionArgs));
      },
      onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
        const refusal = costRefusal(args, limits);
        if (refusal) return setResultAndStopExecution({ errors: [refusal] });
        setSubscribeFn((a) => subscribeFn({ ...a, hideSuggestions: true } as ExecutionArgs));
      },
    },
  ];
}

function costRefusal(args: ExecutionArgs, limits: OperationLimits): GraphQLError | null {
  let cost: number | null;
  try {
    cost = operationCost(args.schema, args.document, args.operationName, args.variableValues, limits);
  } catch (err) {
    return maskError(err) as GraphQLError;
  }
  if (cost === null || cost <= limits.maxCost) return null;
  return new GraphQLError(
    `Query too expensive: estimated cost ${Math.round(cost)} is over ${limits.maxCost}. ` +
      'Ask for smaller pages (first:) or fewer nested lists.',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}
