import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { endOperation, statsExtensions } from '../pipeline/end-operation.js';

/** Apollo's side of `endOperation`: the transaction ends before the response leaves. */
export function transactionPlugin(exposeSqlStats: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response, errors, operation, operationName, request }) {
          const single = response.body.kind === 'single' ? response.body : null;
          const failed = (errors?.length ?? 0) > 0 || (single?.singleResult.errors?.length ?? 0) > 0;
          const end = await endOperation(contextValue, {
            operation,
            operationName,
            variables: request.variables,
            failed,
          });
          if (!single) return;
          if (end.replacement) single.singleResult = end.replacement;
          else if (exposeSqlStats) {
            single.singleResult.extensions = { ...single.singleResult.extensions, ...statsExtensions(end) };
          }
        },
      });
    },
  };
}
