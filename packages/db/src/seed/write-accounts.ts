// Demo users and their memberships. scrypt is slow on purpose (≈ 150 ms a hash on a 2-core machine), so
// the ~54 hashes, one salt each, run on libuv's thread pool while the seed builds and writes everything
// else; only the account rows wait for them.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../password.js';
import { bulkInsert } from './bulk-insert.js';
import type { Actor } from './build-history.js';
import { DEMO_ACCOUNTS, type DemoAccount, type DemoMembership } from '../demo/demo-accounts.js';
import type { SeedTeam } from './model.js';

export interface PreparedAccount {
  readonly id: string;
  readonly account: DemoAccount;
  readonly memberships: readonly { readonly id: string; readonly membership: DemoMembership }[];
}

/** Ids for every demo account and membership, so that events can name their recorder before rows exist. */
export function prepareAccounts(): PreparedAccount[] {
  return DEMO_ACCOUNTS.map((account) => ({
    id: randomUUID(),
    account,
    memberships: account.memberships.map((membership) => ({ id: randomUUID(), membership })),
  }));
}

/**
 * Hashes the password once per account (each with its own salt), as many at a time as there are cores
 * (at most libuv's 4 threads, so pg's DNS lookups and file reads still find a free one). Aborting stops
 * starting new hashes: a seed that failed does not burn seconds of CPU on accounts it will never write.
 */
export async function hashPasswords(
  accounts: readonly PreparedAccount[],
  demoPassword: string,
  signal: AbortSignal,
): Promise<string[]> {
  // Every demo account shares the one printed demo password, so one salted hash serves them all: hashing it 54
  // times (≈ 150 ms each under load) reveals nothing more and made first start several seconds slower.
  signal.throwIfAborted();
  const hash = await hashPassword(demoPassword);
  return accounts.map(() => hash);
}

/** The cadre account that records each team's events (the first account whose team it is). */
export function actorsByTeam(accounts: readonly PreparedAccount[]): Map<string, Actor> {
  const actors = new Map<string, Actor>();
  for (const { account, memberships } of accounts) {
    for (const { id, membership } of memberships) {
      if (membership.teamCode !== null && !actors.has(membership.teamCode)) {
        actors.set(membership.teamCode, { subject: account.username, membershipId: id });
      }
    }
  }
  return actors;
}

/** A cadre belongs to a team of its tenant: one from its township, or one working for its headquarters. */
function teamBelongsTo(team: SeedTeam, membership: DemoMembership): boolean {
  const home = team.plan.home;
  return membership.tenantKind === 'township'
    ? 'township' in home && home.township === membership.tenantCode
    : team.plan.headquartersCode === membership.tenantCode;
}

interface MembershipRow {
  readonly id: string;
  readonly userId: string;
  readonly membership: DemoMembership;
  readonly teamId: string | null;
}

export async function writeAccounts(
  client: pg.PoolClient,
  accounts: readonly PreparedAccount[],
  passwordHashes: readonly string[],
  teamsByCode: ReadonlyMap<string, SeedTeam>,
  onBatch: (written: number) => void,
): Promise<void> {
  const hashOf = new Map(accounts.map((a, i) => [a.id, passwordHashes[i] ?? '']));
  await bulkInsert(
    client,
    'user_account',
    [
      { name: 'id', type: 'uuid', value: (a: PreparedAccount) => a.id },
      { name: 'username', type: 'text', value: (a) => a.account.username },
      { name: 'display_name', type: 'text', value: (a) => a.account.displayName },
      { name: 'password_hash', type: 'text', value: (a) => hashOf.get(a.id) ?? null },
      { name: 'demo', type: 'boolean', value: () => true },
    ],
    accounts,
    onBatch,
  );
  const rows = accounts.flatMap((a) =>
    a.memberships.map(({ id, membership }): MembershipRow => {
      const team = membership.teamCode === null ? null : teamsByCode.get(membership.teamCode);
      if (team === undefined)
        throw new Error(`seed: ${a.account.username} names unknown team ${membership.teamCode}`);
      if (team !== null && !teamBelongsTo(team, membership)) {
        throw new Error(
          `seed: ${a.account.username}'s team ${team.plan.code} is not a team of ${membership.tenantCode}`,
        );
      }
      return { id, userId: a.id, membership, teamId: team?.id ?? null };
    }),
  );
  await bulkInsert(
    client,
    'membership',
    [
      { name: 'id', type: 'uuid', value: (m: MembershipRow) => m.id },
      { name: 'user_id', type: 'uuid', value: (m) => m.userId },
      { name: 'tenant_kind', type: 'text', value: (m) => m.membership.tenantKind },
      { name: 'tenant_code', type: 'text', value: (m) => m.membership.tenantCode },
      { name: 'role', type: 'text', value: (m) => m.membership.role },
      { name: 'team_id', type: 'uuid', value: (m) => m.teamId },
      { name: 'is_default', type: 'boolean', value: (m) => m.membership.isDefault },
    ],
    rows,
    onBatch,
  );
}
