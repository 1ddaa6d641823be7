import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
} from 'graphql';
import type { FanoutPolicies } from './fanout-policy.js';

/** What the fan-out needs to know about a subscription document, computed once per cached document. */
export interface LiveOperation {
  /** The root subscription field (one, by the single-root-field rule). */
  field: string | null;
  /** Its node as written, to read the replay argument of each subscriber. */
  fieldNode: FieldNode | null;
  /** The document the group executes: the replay argument removed, so cursors do not split groups. */
  groupDocument: DocumentNode;
  /** `print(groupDocument)`: the document part of the group key (whitespace and comments normalised). */
  printed: string;
  /** The variable the replay argument used, left out of the group key. */
  replayVariable: string | null;
}

// Documents come from the parse cache, so the same text is the same object: analyse it once.
const analysed = new WeakMap<DocumentNode, Map<string, LiveOperation>>();

export function analyseOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  policies: FanoutPolicies,
): LiveOperation {
  let byName = analysed.get(document);
  if (!byName) analysed.set(document, (byName = new Map<string, LiveOperation>()));
  const name = operationName ?? '';
  let found = byName.get(name);
  if (!found) byName.set(name, (found = analyse(document, operationName, policies)));
  return found;
}

function analyse(
  document: DocumentNode,
  operationName: string | null | undefined,
  policies: FanoutPolicies,
): LiveOperation {
  const operation = getOperationAST(document, operationName);
  const fieldNode = operation ? rootField(operation.selectionSet, document) : null;
  const field = fieldNode?.name.value ?? null;
  const argument = field ? policies[field]?.replay?.argument : undefined;
  const direct = operation?.selectionSet.selections.includes(fieldNode as FieldNode) ?? false;
  if (!operation || !fieldNode || !argument || !direct) {
    return { field, fieldNode, groupDocument: document, printed: print(document), replayVariable: null };
  }
  const replayArg = fieldNode.arguments?.find((a) => a.name.value === argument);
  const stripped: FieldNode = {
    ...fieldNode,
    arguments: fieldNode.arguments?.filter((a) => a !== replayArg) ?? [],
  };
  const groupOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: {
      ...operation.selectionSet,
      selections: operation.selectionSet.selections.map((s) => (s === fieldNode ? stripped : s)),
    },
  };
  const groupDocument: DocumentNode = {
    ...document,
    definitions: document.definitions.map((d) => (d === operation ? groupOperation : d)),
  };
  const replayVariable = replayArg?.value.kind === Kind.VARIABLE ? replayArg.value.name.value : null;
  return { field, fieldNode, groupDocument, printed: print(groupDocument), replayVariable };
}

/** The root field, looking through fragments (`subscription { ...F }` is still one root field). */
function rootField(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode | null {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = rootField(selection.selectionSet, document);
      if (inner) return inner;
    } else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      const inner =
        fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootField(fragment.selectionSet, document) : null;
      if (inner) return inner;
    }
  }
  return null;
}

/** The value of a root-field argument for one subscriber (a literal string or a variable). */
export function argumentValue(
  op: LiveOperation,
  argument: string,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): unknown {
  const node = op.fieldNode?.arguments?.find((a) => a.name.value === argument)?.value;
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return node.kind === Kind.NULL ? null : undefined;
}

/** Variables as a canonical string (sorted keys), without the replay variable: the variables part of the key. */
export function variablesKey(variables: unknown, omit: string | null): string {
  if (!variables || typeof variables !== 'object') return '{}';
  const entries = Object.entries(variables as Record<string, unknown>).filter(([k]) => k !== omit);
  return canonical(Object.fromEntries(entries));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
