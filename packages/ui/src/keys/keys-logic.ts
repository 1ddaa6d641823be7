// The keys page's decisions, kept out of the components so they are table-tested: which tenants the form offers
// (packages/authz decides, the page only asks), what a key's state is, and the input createApiKey receives.
import { can, type Principal } from '@hanjiang/authz';
import type { ApiKeyFieldsFragment, ApiKeyScope, CreateApiKeyInput } from '@hanjiang/client';
import { type Tenant, TENANTS } from '@hanjiang/domain';

const DAY_MS = 86_400_000;
/** The usage column covers this many days up to now. */
export const USAGE_DAYS = 7;

/** Scopes offered as checkboxes, READ first (always granted, shown checked and disabled). */
export const KEY_SCOPES: readonly ApiKeyScope[] = ['READ', 'WRITE', 'INTROSPECT'];

/** The tenants this person may create a key for, as packages/authz rules it (catalogue order). */
export function keyTenantChoices(principal: Principal): readonly Tenant[] {
  return TENANTS.filter((t) => can(principal, 'apikey:create', { tenantCode: t.code }).allowed);
}

/** Whether the keys page is offered at all: there is a tenant whose keys this person may read. */
export function mayManageKeys(principal: Principal): boolean {
  return TENANTS.some((t) => can(principal, 'apikey:read', { tenantCode: t.code }).allowed);
}

export type KeyState = 'active' | 'revoked' | 'expired';

export function keyState(key: Pick<ApiKeyFieldsFragment, 'revokedAt' | 'expiresAt'>, now: Date): KeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** The usage window: the last USAGE_DAYS days up to now. */
export function usageRange(now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - USAGE_DAYS * DAY_MS).toISOString(), to: now.toISOString() };
}

export interface KeyForm {
  name: string;
  tenant: string;
  scopes: readonly ApiKeyScope[];
  /** `YYYY-MM-DD` (last day it works, Asia/Shanghai), or '' for never. */
  validThrough: string;
  ratePerMinute: number | null;
  costPerMinute: number | null;
  allowListOnly: boolean;
}

/**
 * The mutation's input. A "valid through" day ends at midnight Asia/Shanghai (the campaign's calendar, whatever the
 * browser's zone); empty limits are left out so the gateway's defaults apply. Range checks are the gateway's.
 */
export function createKeyInput(form: KeyForm): CreateApiKeyInput {
  const expiresAt = form.validThrough
    ? new Date(Date.parse(`${form.validThrough}T00:00:00+08:00`) + DAY_MS).toISOString()
    : null;
  const limits =
    form.ratePerMinute != null || form.costPerMinute != null
      ? { ratePerMinute: form.ratePerMinute ?? null, costPerMinute: form.costPerMinute ?? null }
      : null;
  return {
    name: form.name.trim(),
    tenant: form.tenant,
    scopes: form.scopes.includes('READ') ? [...form.scopes] : ['READ', ...form.scopes],
    expiresAt,
    limits,
    allowListOnly: form.allowListOnly,
  };
}
