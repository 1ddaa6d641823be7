import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { OperationExecutor } from '../graphql/jit-executor.js';
import { endOperation } from '../pipeline/end-operation.js';

/**
 * graphql-ws's `execute` for queries and `renewSocketToken`: the pipeline's stages "execute" and "end the
 * operation", the very ones HTTP uses — a mutation with errors rolls back, a successful one is audited and commits,
 * and a failed commit replaces the answer.
 */
export function socketExecute(executor: OperationExecutor) {
  return async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const ctx = args.contextValue as GatewayContext;
    const operation = getOperationAST(args.document, args.operationName);
    try {
      const result = await executor.execute({
        document: args.document,
        operationName: args.operationName,
        contextValue: ctx,
        variableValues: args.variableValues,
      });
      const end = await endOperation(ctx, {
        operation,
        operationName: operation?.name?.value,
        variables: args.variableValues ?? undefined,
        failed: Boolean(result.errors?.length),
        answer: { document: args.document, data: result.data, errors: result.errors },
      });
      // A replacement carries formatted errors already; onNext passes formatted errors through unchanged.
      return (end.replacement as ExecutionResult | null) ?? result;
    } catch (error) {
      await ctx.tx.rollback().catch(() => undefined);
      throw error;
    }
  };
}
