import { registerEnumType } from 'type-graphql';

export enum ReportScopeKind {
  TOWNSHIP = 'TOWNSHIP',
  HEADQUARTERS = 'HEADQUARTERS',
}
registerEnumType(ReportScopeKind, {
  name: 'ReportScopeKind',
  description:
    'What a 推进会 progress report covers: a township (乡镇) or a headquarters’ project area (指挥部).',
});

/** One team's period, summed from its nightly summaries. */
export interface ReportTeam {
  code: string;
  name: string;
  visits: number;
  offHoursVisits: number;
  measurements: number;
  assessments: number;
  signings: number;
  signedAreaM2: number;
  disputesOpened: number;
  disputesResolved: number;
  planned: number;
  fulfilled: number;
  /** fulfilled ÷ planned, null when nothing was planned. */
  fulfilment: number | null;
}

export interface ReportEscalation {
  raisedOn: string;
  state: string;
  description: string;
  helpNeeded: string;
  /** Whole days from raising to the end of the period. */
  ageDays: number;
}

export interface ReportInspection {
  period: string;
  targetKind: string;
  name: string;
  score: number;
  rank: number;
  /** Targets ranked in that period. */
  of: number;
}

/** Everything the 推进会 report shows, for one area and period; built from rows RLS lets the caller read. */
export interface ProgressReport {
  scope: { kind: ReportScopeKind; code: string; nameZh: string };
  from: string;
  to: string;
  days: number;
  progress: {
    households: number;
    signedHouseholds: number;
    /** The area's target: all of its households' building area (every household is to be signed). */
    targetAreaM2: number;
    /** Signed by the end of the period (and still signed). */
    signedAreaM2: number;
    signedPct: number;
    signedInPeriodM2: number;
    signingsInPeriod: number;
  };
  pace: { perDayM2: number; daysLeft: number; neededPerDayM2: number };
  teams: ReportTeam[];
  disputes: { opened: number; resolved: number; openAtEnd: number; meanResolutionHours: number | null };
  escalations: { raised: number; closed: number; open: ReportEscalation[] };
  inspections: ReportInspection[];
}
