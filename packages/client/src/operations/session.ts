import { graphql } from '../generated/index.js';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
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
