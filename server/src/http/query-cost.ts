import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { BadInputError } from '../domain/errors.js';

/**
 * How much an operation may ask for, estimated before it runs. A list multiplies what is selected below
 * it by its page size (`first`, else its default, else `assumedListSize`), so `site { deploys { site {
 * deploys … } } }` grows as 20^levels and is refused long before it reaches the database.
 */
export interface CostLimits {
  maxCost: number;
  /** Page size assumed for lists without a `first` argument (`sites`, `envVars`, `domains`). */
  assumedListSize: number;
  /** Largest `first` per field coordinate; other `first` arguments are capped at `defaultMaxFirst`. */
  maxFirst: Readonly<Record<string, number>>;
  defaultMaxFirst: number;
}

/** A field that loads an object (usually a row); a scalar leaf costs 1. */
const OBJECT_COST = 2;

/**
 * The estimated cost of the operation `operationName` in `document`. Throws a BadInputError (field
 * `first`) when a `first` argument is negative or above its maximum. Returns null when the operation or its
 * variables are invalid: execution reports those errors itself, with its own messages.
 *
 * Call only on a validated document: validation has refused fragment cycles and bounded the depth, so the
 * recursion here is bounded too. Fragments are costed once each (memoised), so a fragment spread
 * many times over cannot make this function itself slow.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  limits: CostLimits,
): number | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return null;
  const variables = coerced.coerced;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += type ? selectionCost(selection.selectionSet, type) : 0;
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    fragmentCosts.set(name, 0); // a cycle (refused by validation) cannot recurse forever here either
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? selectionCost(fragment.selectionSet, type) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType): number => {
    const name = node.name.value;
    // Introspection is bounded by the schema's size, not by data; __typename is free.
    if (name.startsWith('__')) return name === '__typename' ? 0 : 1;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 1;
    const field = parent.getFields()[name];
    if (!field) return 1;
    const type = getNamedType(field.type);
    const own = isCompositeType(type) ? OBJECT_COST : 1;
    const below = node.selectionSet ? selectionCost(node.selectionSet, type) : 0;
    return listSize(`${parent.name}.${name}`, field, node) * (own + below);
  };

  const listSize = (coordinate: string, field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    if (!isList(field.type)) return 1;
    if (!field.args.some((arg) => arg.name === 'first')) return limits.assumedListSize;
    let first: unknown;
    try {
      first = getArgumentValues(field, node, variables).first;
    } catch {
      return limits.assumedListSize; // execution reports the bad argument itself
    }
    if (typeof first !== 'number') return limits.assumedListSize;
    const max = limits.maxFirst[coordinate] ?? limits.defaultMaxFirst;
    if (first < 0 || first > max) {
      throw new BadInputError(`${coordinate}(first:) must be from 0 to ${max}, got ${first}`, 'first');
    }
    return first;
  };

  return selectionCost(operation.selectionSet, root);
}

function isList(type: GraphQLType): boolean {
  return isListType(getNullableType(type));
}
