import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import { OperationTypeNode } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Ends each operation's transaction before the response leaves: a mutation with any error rolls back whole;
 * a successful one appends its audit row (hash-chained, in the same transaction) and commits. If the commit
 * fails, the client gets an error, never a success that was not stored.
 */
export function transactionPlugin(exposeSqlStats: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response, errors, operation, operationName, request }) {
          const { tx } = contextValue;
          const failed = (errors?.length ?? 0) > 0 || hasErrors(response.body);
          const mutation = operation?.operation === OperationTypeNode.MUTATION;
          if (mutation && failed) {
            await tx.rollback();
            return;
          }
          try {
            if (mutation) {
              await tx.query('SELECT app.append_audit($1, $2, $3, $4, $5, $6)', [
                operationName ?? firstField(operation) ?? 'anonymous mutation',
                hashVariables(request.variables),
                contextValue.requestId,
                contextValue.clientAddress ?? null,
                'ok',
                contextValue.principal?.membershipId ?? null,
              ]);
            }
            if (exposeSqlStats && response.body.kind === 'single') {
              // BEGIN…settings and COMMIT included: what the database actually received.
              const extensions = response.body.singleResult.extensions ?? {};
              response.body.singleResult.extensions = {
                ...extensions,
                sqlStatements: tx.statements + (tx.started ? 1 : 0),
              };
            }
            await tx.commit();
          } catch (error) {
            contextValue.logger.error({ err: error }, 'commit failed');
            await tx.rollback().catch(() => undefined);
            if (response.body.kind === 'single') {
              const message = errorMessages[ErrorCode.INTERNAL_SERVER_ERROR];
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: message.en,
                    extensions: {
                      code: ErrorCode.INTERNAL_SERVER_ERROR,
                      messageZh: message.zh,
                      messageEn: message.en,
                    },
                  },
                ],
              };
            }
          }
        },
      });
    },
  };
}

function hasErrors(body: { kind: string; singleResult?: { errors?: readonly unknown[] } }): boolean {
  return body.kind === 'single' && (body.singleResult?.errors?.length ?? 0) > 0;
}

function firstField(
  operation:
    | { selectionSet: { selections: readonly { kind: string; name?: { value: string } }[] } }
    | null
    | undefined,
) {
  return operation?.selectionSet.selections[0]?.name?.value;
}

/** Variables are not stored (they carry personal data); their hash ties an audit row to a request. */
function hashVariables(variables: Record<string, unknown> | undefined): string | null {
  if (!variables) return null;
  const { password: _drop, ...rest } = variables;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
