import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The names of the fields selected at `path` below the resolved field (e.g. ['edges', 'node'] of a connection,
 * [] for the field's own selection), through inline fragments and fragment spreads. Directives are ignored: a
 * field `@skip` drops is still counted, which only ever reads more than needed. For projections — reading only
 * the columns a query asks for.
 */
export function selectedFields(info: SelectionInfo, path: readonly string[] = []): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) level = level.flatMap((node) => subfields(node.selectionSet, name, info));
  const fields = new Set<string>();
  for (const node of level) {
    for (const field of subfields(node.selectionSet, null, info)) fields.add(field.name.value);
  }
  return fields;
}

/** Fields of a selection set named `name` (all when null), through inline fragments and fragment spreads. */
function subfields(
  set: SelectionSetNode | undefined,
  name: string | null,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  seen = new Set<string>(),
): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (name === null || selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...subfields(selection.selectionSet, name, info, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      found.push(...subfields(info.fragments[selection.name.value]?.selectionSet, name, info, seen));
    }
  }
  return found;
}
