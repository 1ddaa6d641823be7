import { Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import { ErrorCode } from '@hanjiang/domain';
import { publicError } from '../errors/public-error.js';

/** The one mutation that belongs on the socket: it changes the socket itself. */
const SOCKET_MUTATIONS = new Set(['renewSocketToken', '__typename']);

/**
 * Writes go over HTTP, where the audit, idempotency and rate-limit plugins run; a mutation on the socket would
 * bypass them. Only `renewSocketToken` (about the socket itself) is accepted here.
 */
export function refuseSocketMutation(
  operation: OperationDefinitionNode,
): ReturnType<typeof publicError> | null {
  if (operation.operation !== OperationTypeNode.MUTATION) return null;
  const onlySocket = operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && SOCKET_MUTATIONS.has(s.name.value),
  );
  if (onlySocket) return null;
  return publicError(ErrorCode.BAD_USER_INPUT, {
    zh: 'WebSocket 上只接受订阅、查询和 renewSocketToken;其他变更请通过 HTTP 发送',
    en: 'Over WebSocket only subscriptions, queries and renewSocketToken are accepted; send mutations over HTTP',
  });
}
