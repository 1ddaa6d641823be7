import { graphql } from '../generated/index.js';

export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    token
    expiresAt
    me {
      subject
      displayName
      tenantKind
      tenantCode
      role
      memberships {
        id
        active
        tenantKind
        tenantCode
        role
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      ...SessionFields
    }
  }
`);

/** Another of the user's memberships (a cadre of two townships, a commander who also inspects): a new session. */
export const SwitchTenantMutation = graphql(`
  mutation SwitchTenant($membershipId: ID!) {
    switchTenant(membershipId: $membershipId) {
      ...SessionFields
    }
  }
`);

/** A fresh token for the same membership: how a session renews itself before its token expires. */
export const RenewMutation = graphql(`
  mutation Renew($membershipId: ID!) {
    switchTenant(membershipId: $membershipId) {
      token
      expiresAt
    }
  }
`);

/** Sent over the socket with the renewed token so its subscriptions go on (apps/gateway/docs/live-updates.md). */
export const RenewSocketTokenMutation = graphql(`
  mutation RenewSocketToken($token: String!) {
    renewSocketToken(token: $token) {
      subject
      expiresAt
    }
  }
`);
