/**
 * Tests drive the gateway from loopback far harder than any office would: the per-address limits
 * (pipeline/address-limits.ts) are raised out of reach; the tests of those limits set their own.
 */
export const RAISED_ADDRESS_LIMITS: Readonly<Record<string, string>> = {
  ADDRESS_REQUESTS_PER_WINDOW: '100000000',
  ADDRESS_MAX_CONNECTIONS: '1000000',
  ADDRESS_MAX_SOCKETS: '1000000',
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
  ANONYMOUS_COST_LIMIT_PER_MINUTE: '1000000000',
};
