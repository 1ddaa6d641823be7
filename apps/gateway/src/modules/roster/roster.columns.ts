// The columns of a household roster and the headers township cadres actually write for them (Chinese or
// English, with or without a unit in brackets: "建筑面积(㎡)", "Building area (m2)").

export const ROSTER_FIELDS = [
  'code',
  'ownerName',
  'idNumber',
  'phone',
  'village',
  'buildingAreaM2',
  'landAreaM2',
  'teamCode',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Fields a roster must have a column for (phone and team may be left out entirely). */
export const REQUIRED_FIELDS: readonly RosterField[] = [
  'code',
  'ownerName',
  'idNumber',
  'village',
  'buildingAreaM2',
  'landAreaM2',
];

/** How each field is named in messages: the usual Chinese header and the English one. */
export const FIELD_LABELS: Readonly<Record<RosterField, { zh: string; en: string }>> = {
  code: { zh: '户号', en: 'code' },
  ownerName: { zh: '户主', en: 'ownerName' },
  idNumber: { zh: '身份证号', en: 'idNumber' },
  phone: { zh: '电话', en: 'phone' },
  village: { zh: '村', en: 'village' },
  buildingAreaM2: { zh: '建筑面积', en: 'buildingAreaM2' },
  landAreaM2: { zh: '占地面积', en: 'landAreaM2' },
  teamCode: { zh: '工作组', en: 'teamCode' },
};

const ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  code: ['户号', '户编号', '编号', '征迁户编号', 'code', 'householdcode'],
  ownerName: ['户主', '户主姓名', '姓名', 'ownername', 'owner', 'name'],
  idNumber: ['身份证号', '身份证号码', '身份证', '户主身份证号', 'idnumber', 'owneridnumber', 'idcard'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', 'phone', 'mobile'],
  village: ['村', '村名', '村庄', '所在村', '村编号', 'village', 'villagecode', 'villagename'],
  buildingAreaM2: ['建筑面积', 'buildingaream2', 'buildingarea'],
  landAreaM2: ['占地面积', 'landaream2', 'landarea'],
  teamCode: ['工作组', '工作组编号', '征迁组', 'teamcode', 'team'],
};

/** Lower case, no spaces, underscores or hyphens, no trailing unit in (half- or full-width) brackets. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[([（【].*$/u, '')
    .replace(/[\s_\-:：]/gu, '')
    .toLowerCase();
}

const BY_ALIAS = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

/** True for a normalised header that names a roster field (used to find the header row under any titles). */
export function isKnownHeader(normalized: string): boolean {
  return BY_ALIAS.has(normalized);
}

export interface HeaderMapping {
  /** Column index of each field found. */
  readonly index: Partial<Record<RosterField, number>>;
  /** The header text as written in the file, for messages that point the cadre at the column. */
  readonly header: Partial<Record<RosterField, string>>;
  readonly missing: RosterField[];
  /** Fields named by more than one column, with the second header. */
  readonly duplicated: { field: RosterField; header: string }[];
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const index: Partial<Record<RosterField, number>> = {};
  const header: Partial<Record<RosterField, string>> = {};
  const duplicated: { field: RosterField; header: string }[] = [];
  headers.forEach((text, i) => {
    const field = BY_ALIAS.get(normalizeHeader(text));
    if (!field) return;
    if (index[field] === undefined) {
      index[field] = i;
      header[field] = text.trim();
    } else {
      duplicated.push({ field, header: text.trim() });
    }
  });
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  return { index, header, missing, duplicated };
}

/** The column name to show for a field: the file's own header, else the usual Chinese one. */
export function columnName(mapping: HeaderMapping, field: RosterField): string {
  return mapping.header[field] ?? FIELD_LABELS[field].zh;
}
