import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * Which model properties the selection below a list field reads, so the list can load only those columns
 * (a page of 1,000 sites spends most of its SQL time turning unused columns into JavaScript values).
 *
 * A field exposed from a property (`t.exposeString('slug')`) reads that property; a field declaring
 * `extensions: { uses: [...] }` reads those; `__typename` reads none. Any other field may read anything,
 * so one such field in the selection makes the answer null: load whole rows. A field added without `uses`
 * is therefore never wrong, only slower; one that declares `uses` must name every property it reads (the
 * schema test checks every Site field both ways).
 */
export function selectedProperties(info: GraphQLResolveInfo): string[] | null {
  // Every item of a list shares its fieldNodes (and a document its fragments): work it out once.
  let properties = cache.get(info.fieldNodes);
  if (properties === undefined) {
    properties = propertiesBelow(info.returnType, info.fieldNodes, info.fragments);
    cache.set(info.fieldNodes, properties);
  }
  return properties;
}

/**
 * A page field (`deploys(first: …)`) selected below this list field, so the list can load every item's page
 * with its own rows: its `first` (the field's default when not given) and selectedProperties() of its own
 * selection. Null when it is not selected, or selected under more than one alias (then each item's page is
 * loaded by the field itself, as always).
 */
export function selectedPage(
  info: GraphQLResolveInfo,
  fieldName: string,
): { first: number; properties: string[] | null } | null {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) return null;
  const nodes: FieldNode[] = [];
  forEachField(info.fieldNodes, info.fragments, (node) => {
    if (node.name.value === fieldName) nodes.push(node);
    return true;
  });
  const keys = new Set(nodes.map((node) => node.alias?.value ?? fieldName));
  if (keys.size !== 1) return null;
  let first: unknown;
  try {
    first = getArgumentValues(field, nodes[0]!, info.variableValues).first;
  } catch {
    return null; // the field reports its bad argument itself
  }
  if (typeof first !== 'number') return null;
  return { first, properties: propertiesBelow(field.type, nodes, info.fragments) };
}

/** Declares the model properties a resolver reads (see selectedProperties). */
export function uses<const P extends string>(...properties: P[]): { uses: readonly P[] } {
  return { uses: properties };
}

const cache = new WeakMap<readonly FieldNode[], string[] | null>();

function propertiesBelow(
  returnType: GraphQLOutputType,
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): string[] | null {
  const type = getNamedType(returnType);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const properties = new Set<string>();
  const known = forEachField(fieldNodes, fragments, (node) => {
    if (node.name.value === '__typename') return true;
    const read = propertiesOf(fields[node.name.value]);
    for (const property of read ?? []) properties.add(property);
    return read !== null;
  });
  // Sorted: the same selection gives the same list, whichever fragment named a field first.
  return known ? [...properties].sort() : null;
}

/**
 * Calls `visit` with every field selected directly below `fieldNodes`, through fragments; stops and answers
 * false when `visit` does. Directives (@skip, @include) are ignored: at worst a column is loaded that is
 * not shown.
 */
function forEachField(
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (node: FieldNode) => boolean,
): boolean {
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!visit(selection)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(selection.selectionSet)) return false;
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = fragments[name];
        if (!fragment || !walk(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  return fieldNodes.every((node) => walk(node.selectionSet));
}

function propertiesOf(field: GraphQLField<unknown, unknown> | undefined): readonly string[] | null {
  const extensions = field?.extensions as
    | { uses?: readonly string[]; pothosExposedField?: unknown }
    | undefined;
  if (extensions?.uses) return extensions.uses;
  if (typeof extensions?.pothosExposedField === 'string') return [extensions.pothosExposedField];
  return null;
}
