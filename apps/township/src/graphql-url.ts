export const GRAPHQL_URL = new URL('/graphql', window.location.href).toString();
