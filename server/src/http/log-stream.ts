import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLLeafType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isUnfolded } from '../events/unfold.js';

/** LogLine's fields, each exposing the property of its name (schema/log.ts). */
const LOG_LINE_FIELDS = new Set(['seq', 'at', 'stream', 'text', '__typename']);

type Line = Record<string, unknown>;

/**
 * `deployLog` without the generic executor for each line. A build printing as fast as it can makes tens of
 * thousands of lines a second, and graphql-js' subscription executor builds an execution context, runs the
 * resolvers and chains a dozen promises per event: that, not the database or the socket, was the largest
 * share of a line's cost (bench/log-throughput.ts). For a deployLog operation whose selection is plain
 * LogLine fields (aliases, __typename and fragments on LogLine allowed; no directives: what the dashboard,
 * the CLI and any client of api.md send), the event stream is still made by the field's own subscribe
 * (authorisation, arguments, the gap-free replay), but each committed batch is turned into its lines'
 * results at once by the fields' own scalar and enum serializers. Every other operation, and a deployLog
 * whose variables are invalid, goes through the executor as before. The results are the same, line by line
 * (test/log-stream.unit.test.ts checks them against the executor).
 */
export function useLogLineStream(): Plugin {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const plan = plainLogSelection(args);
      if (!plan) return;
      setSubscribeFn(async (a) => {
        const { errors } = getVariableValues(a.schema, plan.operation.variableDefinitions ?? [], {
          ...a.variableValues,
        });
        if (errors) return subscribeFn(a); // the executor's own answer to bad variables
        const source = await createSourceEventStream({ ...a, hideSuggestions: true } as ExecutionArgs);
        if (!(Symbol.asyncIterator in source)) return source;
        return lineResults(source as AsyncIterableIterator<Line>, plan);
      });
    },
  };
}

interface Plan {
  operation: OperationDefinitionNode;
  /** The root field's response key (its alias, or deployLog). */
  rootKey: string;
  /** Response key, LogLine field, and how its value is serialized. */
  fields: [key: string, field: string, serialize: (value: unknown) => unknown][];
}

/** How to serialize the lines of this operation, or null when it needs the executor. */
export function plainLogSelection(
  args: Pick<ExecutionArgs, 'schema' | 'document' | 'operationName'>,
): Plan | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'subscription' || operation.selectionSet.selections.length !== 1) return null;
  const root = operation.selectionSet.selections[0]!;
  if (root.kind !== Kind.FIELD || root.name.value !== 'deployLog' || root.directives?.length) return null;
  const type = args.schema.getType('LogLine');
  if (!isObjectType(type) || !root.selectionSet) return null;
  const defs = type.getFields();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of args.document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fields: Plan['fields'] = [];
  const keys = new Set<string>();
  const spread = new Set<string>();
  // The executor's field collection for this one shape: fields in document order, fragments on LogLine
  // (the dashboard's `...LogLineFields`) expanded where they stand, each response key once.
  const collect = (selections: readonly SelectionNode[]): boolean => {
    for (const node of selections) {
      if (node.directives?.length) return false;
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (fragment?.typeCondition.name.value !== type.name || fragment.directives?.length) return false;
        if (spread.has(fragment.name.value)) continue;
        spread.add(fragment.name.value);
        if (!collect(fragment.selectionSet.selections)) return false;
        continue;
      }
      if (node.kind === Kind.INLINE_FRAGMENT) {
        if (node.typeCondition && node.typeCondition.name.value !== type.name) return false;
        if (!collect(node.selectionSet.selections)) return false;
        continue;
      }
      const name = node.name.value;
      if (!LOG_LINE_FIELDS.has(name) || node.arguments?.length || node.selectionSet) return false;
      const key = node.alias?.value ?? name;
      if (keys.has(key)) continue; // validation made every field of one response key the same field
      keys.add(key);
      if (name === '__typename') {
        fields.push([key, name, () => type.name]);
        continue;
      }
      const leaf = defs[name] && getNullableType(defs[name].type);
      if (!isLeafType(leaf)) return false;
      fields.push([key, name, lastOf((value) => (leaf as GraphQLLeafType).serialize(value))]);
    }
    return true;
  };
  if (!collect(root.selectionSet.selections)) return null;
  return { operation, rootKey: root.alias?.value ?? root.name.value, fields };
}

/**
 * `serialize` remembering its last answer: the lines of one chunk of build output share their time (one
 * Date object, pipeline/log-sink.ts), which is then turned into text once.
 */
function lastOf(serialize: (value: unknown) => unknown): (value: unknown) => unknown {
  let last: unknown;
  let answer: unknown;
  let any = false;
  return (value) => {
    if (!any || value !== last) {
      answer = serialize(value);
      last = value;
      any = true;
    }
    return answer;
  };
}

/** One result per line, a batch of lines serialized at a time; the source's errors as the executor reports them. */
function lineResults(
  source: AsyncIterableIterator<Line>,
  plan: Plan,
): AsyncIterableIterator<ExecutionResult> {
  const batches: AsyncIterator<readonly Line[]> = isUnfolded(source)
    ? source.batches()
    : {
        next: async () => {
          const next = await source.next();
          return next.done ? next : { value: [next.value], done: false };
        },
        return: async () => {
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
  const toResult = (line: Line): ExecutionResult => {
    const out: Record<string, unknown> = {};
    for (const [key, field, serialize] of plan.fields) out[key] = serialize(line[field]);
    return { data: { [plan.rootKey]: out } };
  };
  let results: ExecutionResult[] = [];
  let at = 0;
  let done = false;
  const nextBatch = async (): Promise<IteratorResult<ExecutionResult>> => {
    while (at >= results.length) {
      if (done) return { value: undefined, done: true };
      let next: IteratorResult<readonly Line[]>;
      try {
        next = await batches.next();
      } catch (err) {
        done = true;
        const error = err as Error;
        throw new GraphQLError(error.message, { originalError: error, nodes: [plan.operation] });
      }
      if (next.done || done) {
        done = true;
        results = [];
        return { value: undefined, done: true };
      }
      results = next.value.map(toResult);
      at = 0;
    }
    return { value: results[at++]!, done: false };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    // A line of the batch at hand is handed out without an async function's machinery: one per line.
    next: () => (at < results.length ? Promise.resolve({ value: results[at++]!, done: false }) : nextBatch()),
    async return() {
      done = true;
      results = [];
      await batches.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
