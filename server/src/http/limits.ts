import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  Lexer,
  parse,
  Source,
  TokenKind,
  type ValidationContext,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maskError } from './errors.js';
import { type CostLimits, operationCost } from './query-cost.js';

/** What one GraphQL operation may ask for (README, "Security model"). */
export interface OperationLimits extends CostLimits {
  /** Lexer tokens in the document: bounds parse time. */
  maxTokens: number;
  /** Brackets open at once (`{`, `[`, `(`): the parser recurses per level, so this bounds its stack. */
  maxNesting: number;
  /** Nesting of selections (introspection's `ofType` chains are not counted). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

export const OPERATION_LIMITS: OperationLimits = {
  // The dashboard's largest operation is under 150 tokens, GraphiQL's introspection query under 200.
  maxTokens: 2000,
  // graphql-js's parser overflows the stack somewhere under 2,000 nested list literals.
  maxNesting: 64,
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 50,
  // The dashboard's site page costs about 500, a full page of log lines (5000 × 4 fields) 30,000, a
  // site's default 20 deploys with their default 1000 log lines each about 100,000 (tests ask for that).
  // 250,000 resolved values take well under a second and tens of MB.
  maxCost: 250_000,
  assumedListSize: 50,
  // The resolvers clamp to the same numbers; asking for more is refused instead of silently cut.
  maxFirst: { 'Site.deploys': 200, 'Site.webhookDeliveries': 200, 'Deploy.logs': 5000 },
  defaultMaxFirst: 100,
};

/**
 * The cost limit, as envelop plugins: token and nesting limits before and while parsing, depth, alias and
 * directive limits while validating (graphql-armor's maintained rules, fragment-aware), then the list-aware
 * cost estimate and `first:` maxima (query-cost.ts) before execution. Every refusal is a BAD_USER_INPUT
 * error, returned before a resolver runs.
 *
 * Suggestions ("Did you mean …") are always off, with or without a principal: they spell out the schema to
 * anyone who can send a query. graphql-js's `hideSuggestions` covers validation and execution;
 * hideLeftoverSuggestions covers what yoga's executor still lets through.
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
        setParseFn((source, options) => {
          assertShallow(typeof source === 'string' ? source : source.body, limits);
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        });
      },
      onValidate({ setValidationFn }) {
        setValidationFn((schema, document, rules) =>
          validate(schema, document, rules, { hideSuggestions: true }),
        );
        // api.md's code for every invalid document (yoga would say GRAPHQL_VALIDATION_FAILED).
        return ({ result, setResult }) => {
          if (result.length) setResult(result.map((error) => maskError(error) as GraphQLError));
        };
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
        return { onExecuteDone: ({ result, setResult }) => void hideLeftoverSuggestions(result, setResult) };
      },
      onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
        const refusal = costRefusal(args, limits);
        if (refusal) return setResultAndStopExecution({ errors: [refusal] });
        setSubscribeFn((a) => subscribeFn({ ...a, hideSuggestions: true } as ExecutionArgs));
        return {
          onSubscribeResult: ({ result, setResult }) => void hideLeftoverSuggestions(result, setResult),
        };
      },
    },
  ];
}

/**
 * Refuses a document nested deeper than `maxNesting` brackets, or longer than `maxTokens`, before the
 * recursive parser sees it. The lexer is iterative, so this scan cannot overflow the stack itself.
 */
export function assertShallow(
  source: string,
  limits: Pick<OperationLimits, 'maxTokens' | 'maxNesting'>,
): void {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  for (let tokens = 0; ; tokens++) {
    let token: ReturnType<Lexer['advance']>;
    try {
      token = lexer.advance();
    } catch {
      return; // a lexical error: the parser reports it with its own message
    }
    if (token.kind === TokenKind.EOF) return;
    if (tokens >= limits.maxTokens) throw tooBig(`more than ${limits.maxTokens} tokens`);
    if (OPENING.has(token.kind) && ++depth > limits.maxNesting) {
      throw tooBig(`brackets nested more than ${limits.maxNesting} deep`);
    }
    if (CLOSING.has(token.kind)) depth--;
  }
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

function tooBig(what: string): GraphQLError {
  return new GraphQLError(`Syntax Error: the document has ${what}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * @graphql-tools/executor 2.x (yoga's executor) coerces variables without passing `hideSuggestions` on,
 * so "Did you mean …" can still end a variable error: cut it off. Such errors come before any resolver
 * runs, so the result is a single one, never a stream.
 */
function hideLeftoverSuggestions(result: unknown, setResult: (result: ExecutionResult) => void): void {
  const errors = (result as ExecutionResult | null)?.errors;
  if (!errors?.some((e) => SUGGESTION.test(e.message))) return;
  setResult({
    ...(result as ExecutionResult),
    errors: errors.map((e) =>
      SUGGESTION.test(e.message)
        ? // Without originalError: the masking would show the original's message, suggestion and all.
          new GraphQLError(e.message.replace(SUGGESTION, ''), {
            nodes: e.nodes,
            path: e.path,
            extensions: e.extensions,
          })
        : e,
    ),
  });
}

const SUGGESTION = /\s*Did you mean [\s\S]*\?$/;

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
