import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import { OperationTypeNode } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Ends each operation's transaction before the response leaves: a mutation with any error rolls back whole;
 * otherwise commit. If the commit itself fails, the client gets an error, never a success that was not stored.
 */
export function transactionPlugin(exposeSqlStats: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response, errors, operation }) {
          const { tx } = contextValue;
          if (exposeSqlStats && response.body.kind === 'single') {
            // BEGIN…settings and COMMIT included: what the database actually received.
            const extensions = response.body.singleResult.extensions ?? {};
            response.body.singleResult.extensions = {
              ...extensions,
              sqlStatements: tx.statements + (tx.started ? 1 : 0),
            };
          }
          const failed = (errors?.length ?? 0) > 0 || hasErrors(response.body);
          if (operation?.operation === OperationTypeNode.MUTATION && failed) {
            await tx.rollback();
            return;
          }
          try {
            await tx.commit();
          } catch (error) {
            contextValue.logger.error({ err: error }, 'commit failed');
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
