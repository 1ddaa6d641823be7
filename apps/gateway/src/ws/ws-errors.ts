import {
  Kind,
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { type SchemaExposure, withoutSuggestions } from '../graphql/schema-exposure.js';

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The HTTP path's error formatting, for WebSocket messages: Apollo's own enrichment (default code, `http`
 * extension dropped) followed by the gateway's formatter, so a client sees the same `extensions` either way.
 * Given the caller's schema exposure, suggestions are stripped as Apollo's path strips them (same rule, same text).
 */
export function wsFormatting(formatError: Formatter) {
  const one = (error: GraphQLError): GraphQLFormattedError => {
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? (isBadVariable(error) ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
    };
    delete extensions.http;
    return formatError({ ...error.toJSON(), extensions }, error);
  };
  const shown = (list: GraphQLFormattedError[], exposure: SchemaExposure | undefined) =>
    exposure && !exposure.suggestions ? list.map(withoutSuggestions) : list;
  const errors = (list: readonly GraphQLError[], exposure?: SchemaExposure): GraphQLFormattedError[] =>
    shown(list.map(one), exposure);
  const result = (
    value: ExecutionResult | FormattedExecutionResult,
    exposure?: SchemaExposure,
  ): FormattedExecutionResult => {
    if (!value.errors?.length) return value;
    // Fan-out results are formatted once per group already; only raw GraphQLErrors need it.
    const formatted = value.errors.map((e) => (e instanceof GraphQLError ? one(e) : e));
    return { ...value, errors: shown(formatted, exposure) };
  };
  return { errors, result };
}

/** A variable value that does not fit its type: Apollo reports it as BAD_USER_INPUT (UserInputError). */
function isBadVariable(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const name = node.variable.name.value;
  return [`got invalid value `, `of required type `, `of non-null type `].some((tail) =>
    error.message.startsWith(`Variable "$${name}" ${tail}`),
  );
}
