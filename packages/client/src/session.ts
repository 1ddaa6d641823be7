import { stringifyDocument as print, type CombinedError } from '@urql/core';
import { LoginDocument, type LoginMutation } from './generated/graphql.js';

/** A gateway error as people read it: its Chinese and English messages and its code (CONFLICT, FORBIDDEN, …). */
export interface PublicMessage {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromGraphQLError(error: ErrorLike): PublicMessage {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
  const zh = typeof ext.messageZh === 'string' ? ext.messageZh : error.message;
  const en = typeof ext.messageEn === 'string' ? ext.messageEn : error.message;
  return { code, zh, en };
}

const NETWORK: PublicMessage = {
  code: 'NETWORK',
  zh: '无法连接服务器,请稍后重试',
  en: 'The server cannot be reached; try again shortly',
};

/** The first public error of a urql result (network failures included), or null. */
export function publicMessage(error: CombinedError | undefined | null): PublicMessage | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  return first ? fromGraphQLError(first) : NETWORK;
}

export type Session = LoginMutation['login'] & { readonly membershipId: string };

/** Signs in over HTTP; resolves with the session (token, expiry, who, active membership) or a public message. */
export async function login(
  url: string,
  username: string,
  password: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<{ session: Session } | { error: PublicMessage }> {
  let body: { data?: LoginMutation | null; errors?: ErrorLike[] };
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(LoginDocument), variables: { username, password } }),
    });
    body = (await response.json()) as typeof body;
  } catch {
    return { error: NETWORK };
  }
  const payload = body.data?.login;
  if (!payload) return { error: body.errors?.[0] ? fromGraphQLError(body.errors[0]) : NETWORK };
  const active = payload.me.memberships.find((m) => m.active) ?? payload.me.memberships[0];
  return { session: { ...payload, membershipId: active?.id ?? '' } };
}
