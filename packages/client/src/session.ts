import { stringifyDocument as print, type CombinedError } from '@urql/core';
import type { DocumentNode } from 'graphql';
import {
  LoginDocument,
  type LoginMutation,
  type SessionFieldsFragment,
  SwitchTenantDocument,
  type SwitchTenantMutation,
} from './generated/graphql.js';

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

export type Session = SessionFieldsFragment & { readonly membershipId: string };

type SessionResult = Promise<{ session: Session } | { error: PublicMessage }>;

/** Signs in over HTTP; resolves with the session (token, expiry, who, active membership) or a public message. */
export function login(
  url: string,
  username: string,
  password: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): SessionResult {
  return requestSession(
    url,
    LoginDocument,
    { username, password },
    null,
    doFetch,
    (d: LoginMutation) => d.login,
  );
}

/** Moves a signed-in user to another of their memberships: a new session for that tenant and role. */
export function switchTenant(
  url: string,
  token: string,
  membershipId: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): SessionResult {
  return requestSession(
    url,
    SwitchTenantDocument,
    { membershipId },
    token,
    doFetch,
    (d: SwitchTenantMutation) => d.switchTenant,
  );
}

async function requestSession<Data>(
  url: string,
  document: DocumentNode,
  variables: Record<string, string>,
  token: string | null,
  doFetch: typeof fetch,
  pick: (data: Data) => SessionFieldsFragment,
): SessionResult {
  let body: { data?: Data | null; errors?: ErrorLike[] };
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    body = (await response.json()) as typeof body;
  } catch {
    return { error: NETWORK };
  }
  const payload = body.data ? pick(body.data) : null;
  if (!payload) return { error: body.errors?.[0] ? fromGraphQLError(body.errors[0]) : NETWORK };
  const active = payload.me.memberships.find((m) => m.active) ?? payload.me.memberships[0];
  return { session: { ...payload, membershipId: active?.id ?? '' } };
}
