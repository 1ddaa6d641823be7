import { graphql } from '../generated/index.js';

/** What the keys page shows of a key (never its secret: only createApiKey's answer carries that, once). */
export const ApiKeyFields = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    prefix
    name
    tenantKind
    tenantCode
    role
    scopes
    createdBy
    createdAt
    expiresAt
    revokedAt
    lastUsedAt
    ratePerMinute
    costPerMinute
    allowListOnly
  }
`);

/** The keys the caller manages (all for the district admin, a commander's own tenant's), newest first. */
export const ApiKeysQuery = graphql(`
  query ApiKeys($tenant: String) {
    apiKeys(tenant: $tenant) {
      ...ApiKeyFields
    }
  }
`);

/** One key's use over a range (the keys page asks for the last 7 days). */
export const ApiKeyUsageQuery = graphql(`
  query ApiKeyUsage($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    apiKeyUsage(key: $key, from: $from, to: $to) {
      key
      operations
      errors
      cost
    }
  }
`);

/** A new key; the answer's `secret` is the only time the whole key is ever shown. */
export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

/** Revoke a key: refused at once over HTTP, its open sockets closed. */
export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
`);
