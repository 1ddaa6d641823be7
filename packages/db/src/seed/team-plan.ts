// The shape of a work team in the seed plan, and short constructors that keep teams.ts readable.

export type TeamHome = { readonly township: string } | { readonly unit: string };

/** A share of a village's households; 'rest' teams split what the fixed shares leave. */
export interface VillageWork {
  readonly village: string;
  readonly share: number | 'rest';
}

export interface TeamPlan {
  readonly code: string;
  readonly nameZh: string;
  readonly home: TeamHome;
  readonly headquartersCode: string;
  readonly parentCode: string | null;
  /** Cadres of a leaf team; a parent's member_count is the sum of its sub-groups'. */
  readonly members: number;
  readonly works: readonly VillageWork[];
}

export const own = (
  township: string,
  code: string,
  nameZh: string,
  hq: string,
  members: number,
  villages: string[],
): TeamPlan => ({
  code,
  nameZh,
  home: { township },
  headquartersCode: hq,
  parentCode: null,
  members,
  works: villages.map((village) => ({ village: `${township}-${village}`, share: 'rest' })),
});

export const helper = (
  home: TeamHome,
  code: string,
  nameZh: string,
  hq: string,
  members: number,
  works: [village: string, share: number][],
  parentCode: string | null = null,
): TeamPlan => ({
  code,
  nameZh,
  home,
  headquartersCode: hq,
  parentCode,
  members,
  works: works.map(([village, share]) => ({ village, share })),
});

export const parent = (home: TeamHome, code: string, nameZh: string, hq: string): TeamPlan => ({
  code,
  nameZh,
  home,
  headquartersCode: hq,
  parentCode: null,
  members: 0,
  works: [],
});

export const u = (unit: string): TeamHome => ({ unit });
export const t = (township: string): TeamHome => ({ township });

export function homeTownship(home: TeamHome): string | null {
  return 'township' in home ? home.township : null;
}

export function homeUnit(home: TeamHome): string | null {
  return 'unit' in home ? home.unit : null;
}
