import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
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
    properties = collect(info);
    cache.set(info.fieldNodes, properties);
  }
  return properties;
}

/** Declares the model properties a resolver reads (see selectedProperties). */
export function uses<const P extends string>(...properties: P[]): { uses: readonly P[] } {
  return { uses: properties };
}

const cache = new WeakMap<readonly FieldNode[], string[] | null>();

function collect(info: GraphQLResolveInfo): string[] | null {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const properties = new Set<string>();
  const visited = new Set<string>();
  // Directives (@skip, @include) are ignored: at worst a column is loaded that is not shown.
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const read = propertiesOf(fields[selection.name.value]);
        if (!read) return false;
        for (const property of read) properties.add(property);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(selection.selectionSet)) return false;
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = info.fragments[name];
        if (!fragment || !visit(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!visit(node.selectionSet)) return null;
  return [...properties];
}

function propertiesOf(field: GraphQLField<unknown, unknown> | undefined): readonly string[] | null {
  const extensions = field?.extensions as
    | { uses?: readonly string[]; pothosExposedField?: unknown }
    | undefined;
  if (extensions?.uses) return extensions.uses;
  if (typeof extensions?.pothosExposedField === 'string') return [extensions.pothosExposedField];
  return null;
}
