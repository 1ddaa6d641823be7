import { gql } from './graphql.js';
import { DEMO_PASSWORD } from './in-process.js';

const tokens = new Map<string, string>();

/** Signs a demo account in over HTTP (cached per gateway URL and username). */
export async function tokenFor(url: string, username: string): Promise<string> {
  const key = `${url} ${username}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const result = await gql<{ login: { token: string } }>(
    url,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: DEMO_PASSWORD },
  );
  const token = result.data?.login.token;
  if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
  tokens.set(key, token);
  return token;
}

export async function asUser<T>(
  url: string,
  username: string,
  query: string,
  variables?: Record<string, unknown>,
) {
  const token = await tokenFor(url, username);
  return gql<T>(url, query, variables, { authorization: `Bearer ${token}` });
}
