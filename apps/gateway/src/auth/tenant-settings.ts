import { type Principal, sqlVisibilitySettings } from '@hanjiang/authz';

/** Fail closed: with no principal every setting is empty, and RLS policies then match nothing. */
const NOBODY = {
  'app.tenant_kind': '',
  'app.tenant_id': '',
  'app.role': '',
  'app.team_id': '',
  'app.subject': '',
};

export function tenantSettings(principal: Principal | null): Readonly<Record<string, string>> {
  return principal ? sqlVisibilitySettings(principal) : NOBODY;
}
