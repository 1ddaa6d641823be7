import { type BilingualMessage, ErrorCode, errorMessages } from '@hanjiang/domain';
import { GraphQLError } from 'graphql';

export { ErrorCode };

/**
 * A typed error for clients: `extensions.code` from the one public enum, the message in English (GraphQL's
 * `message`) and both languages in `extensions.messageZh` / `extensions.messageEn`.
 */
export function publicError(
  code: ErrorCode,
  message?: Partial<BilingualMessage>,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const zh = message?.zh ?? errorMessages[code].zh;
  const en = message?.en ?? errorMessages[code].en;
  return new GraphQLError(en, { extensions: { ...extensions, code, messageZh: zh, messageEn: en } });
}
