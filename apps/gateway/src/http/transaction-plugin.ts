import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { endOperation, statsExtensions } from '../pipeline/end-operation.js';
import { routeReads } from '../pipeline/operation-context.js';

/** Apollo's side of `endOperation`: the transaction ends before the response leaves. */
export function transactionPlugin(exposeSqlStats: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      // An operation refused before execution has no answer to audit: it is a refusal (pipeline/refusals.ts).
      let executed = false;
      return Promise.resolve({
        async executionDidStart({ contextValue, operation }) {
          executed = true;
          // Policies have passed and nothing has run: a query may now be routed to the read replica.
          await routeReads(contextValue, operation);
        },
        async willSendResponse({
          contextValue,
          response,
          errors,
          operation,
          operationName,
          request,
          document,
        }) {
          const single = response.body.kind === 'single' ? response.body : null;
          const failed = (errors?.length ?? 0) > 0 || (single?.singleResult.errors?.length ?? 0) > 0;
          const end = await endOperation(contextValue, {
            operation,
            operationName,
            variables: request.variables,
            failed,
            ...(executed && document && operation && single
              ? { answer: { document, data: single.singleResult.data, errors: single.singleResult.errors } }
              : {}),
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
