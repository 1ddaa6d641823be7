import type { ApolloServerPlugin } from '@apollo/server';
import { mayIntrospect, type Principal } from '@hanjiang/authz';
import { BREAK, type DocumentNode, GraphQLError, type GraphQLFormattedError, visit } from 'graphql';
import type { GatewayContext } from '../context.js';

/** What a caller may learn about the schema beyond the answers to its own operations. */
export interface SchemaExposure {
  /** `__schema` and `__type` are answered. */
  readonly introspection: boolean;
  /** Errors keep graphql's "Did you mean …" hints (they name fields, arguments, types and enum values). */
  readonly suggestions: boolean;
}

export type ExposurePolicy = (principal: Principal | null) => SchemaExposure;

const OPEN: SchemaExposure = { introspection: true, suggestions: true };
const CLOSED: SchemaExposure = { introspection: false, suggestions: false };

/**
 * THE rule for every transport (HTTP through Apollo, the HTTP fast path, WebSocket), by caller and in every
 * NODE_ENV (packages/authz, mayIntrospect): anonymous callers may not introspect, signed-in portal users may, API
 * keys only with the `introspect` scope. Suggestions go with introspection: a caller who may introspect learns
 * nothing more from them, and one who may not must not get the schema piece by piece from typos.
 */
export function schemaExposure(principal: Principal | null): SchemaExposure {
  return mayIntrospect(principal) ? OPEN : CLOSED;
}

export function exposurePolicy(): ExposurePolicy {
  return schemaExposure;
}

const introspecting = new WeakMap<DocumentNode, boolean>();

/** Whether the document asks for `__schema` or `__type` anywhere (fragments included). Cached per parsed AST. */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = introspecting.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
        found = true;
        return BREAK;
      },
    });
    introspecting.set(document, found);
  }
  return found;
}

/** The refusal, identical on every transport: a validation failure (400 over HTTP; BAD_USER_INPUT to clients). */
export function introspectionRefused(): GraphQLError {
  return new GraphQLError('Introspection is not allowed: the query contained __schema or __type.', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/** graphql-js's hints all read "… Did you mean <names>?" (names cannot contain "?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function stripSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** The same on an already formatted error (the gateway's formatter copies the message into `messageEn`). */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const messageEn = error.extensions?.messageEn;
  return {
    ...error,
    message: stripSuggestions(error.message),
    ...(typeof messageEn === 'string'
      ? { extensions: { ...error.extensions, messageEn: stripSuggestions(messageEn) } }
      : {}),
  };
}

/**
 * The format stage's half of the rule on Apollo's path: suggestions are stripped before errors are formatted
 * (introspection itself is refused by pipeline/policies.ts, for every entry).
 */
export function schemaExposurePlugin(policy: ExposurePolicy): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue }) {
      if (policy(contextValue.principal).suggestions) return Promise.resolve();
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) error.message = stripSuggestions(error.message);
          return Promise.resolve();
        },
      });
    },
  };
}
