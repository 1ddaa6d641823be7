import { type Principal, sqlVisibilitySettings } from '@hanjiang/authz';
import type { ScopeSettings } from '@hanjiang/db';

/** Fail closed: with no principal every setting is empty, and RLS policies then match nothing. */
const NOBODY: ScopeSettings = {
  'app.tenant_kind': '',
  'app.tenant_id': '',
  'app.role': '',
  'app.team_id': '',
  'app.subject': '',
};

export function tenantSettings(principal: Principal | null): ScopeSettings {
  return principal ? sqlVisibilitySettings(principal) : NOBODY;
}
