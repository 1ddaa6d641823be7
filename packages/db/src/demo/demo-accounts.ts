// Demo accounts (demo mode only, DESIGN §4): `<tenant code>.<role>` for viewer, cadre and commander of every
// township and headquarters, `district.admin` and `district.inspector`, and 张国顺 (白沙镇党委书记), who
// has two memberships to show switching tenants. All share the one demo password.
import { DISTRICT, HEADQUARTERS, Role, ROLE_LABELS, TOWNSHIPS, type TenantKind } from '@hanjiang/domain';

export interface DemoMembership {
  readonly tenantKind: TenantKind;
  readonly tenantCode: string;
  readonly role: Role;
  /** The work team a cadre records for (always one of its tenant's teams); null for other roles. */
  readonly teamCode: string | null;
  readonly isDefault: boolean;
}

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  /** The default membership's tenant and role, for banners and the README. */
  readonly tenantKind: TenantKind;
  readonly tenantCode: string;
  readonly role: Role;
  readonly memberships: readonly DemoMembership[];
}

/**
 * The team each tenant's cadre account belongs to. A township's is a team from that township (a mountain
 * township's helper team, so its cadre works in the paired plain township — for 白沙, 江尾分组); a
 * headquarters' is a team working for it (大学城 → 区委办's 大学城片区征迁一组).
 */
export const CADRE_TEAM_BY_TENANT: Readonly<Record<string, string>> = {
  qiulu: 'qiulu-helper',
  baisha: 'baisha-helper-jiangwei',
  zhuangbian: 'zhuangbian-helper',
  xinxian: 'xinxian-helper',
  dayang: 'dayang-helper',
  jiangkou: 'jiangkou-station',
  baitang: 'baitang-2',
  wutang: 'wutang-loutou',
  sanjiangkou: 'sanjiangkou-renewal',
  guohuan: 'guohuan-station',
  'food-park': 'wlj-food',
  'north-equipment-park': 'guohuan-north',
  'coastal-park': 'sanjiangkou-coast',
  'baitang-lake': 'baitang-1',
  'university-town': 'qwb-squad-1',
  'hanjiang-station': 'zjj-station',
  'old-community-renewal': 'fgzx-renewal',
};

const WORKING_ROLES = [Role.VIEWER, Role.CADRE, Role.COMMANDER] as const;

function single(tenantKind: TenantKind, tenantCode: string, nameZh: string, role: Role): DemoAccount {
  const teamCode = role === Role.CADRE ? (CADRE_TEAM_BY_TENANT[tenantCode] ?? null) : null;
  if (role === Role.CADRE && teamCode === null) throw new Error(`seed: no cadre team for ${tenantCode}`);
  return {
    username: `${tenantCode}.${role}`,
    displayName: `${nameZh}${ROLE_LABELS[role].zh}`,
    tenantKind,
    tenantCode,
    role,
    memberships: [{ tenantKind, tenantCode, role, teamCode, isDefault: true }],
  };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...TOWNSHIPS.flatMap((t) => WORKING_ROLES.map((role) => single('township', t.code, t.nameZh, role))),
  ...HEADQUARTERS.flatMap((h) => WORKING_ROLES.map((role) => single('headquarters', h.code, h.nameZh, role))),
  { ...single('district', DISTRICT.code, DISTRICT.nameZh, Role.ADMIN), displayName: '涵江区区级管理员' },
  { ...single('district', DISTRICT.code, DISTRICT.nameZh, Role.INSPECTOR), displayName: '综合督查组' },
  {
    username: 'zhang.guoshun',
    displayName: '张国顺',
    tenantKind: 'township',
    tenantCode: 'baisha',
    role: Role.COMMANDER,
    memberships: [
      { tenantKind: 'township', tenantCode: 'baisha', role: Role.COMMANDER, teamCode: null, isDefault: true },
      { tenantKind: 'township', tenantCode: 'baitang', role: Role.VIEWER, teamCode: null, isDefault: false },
    ],
  },
];
