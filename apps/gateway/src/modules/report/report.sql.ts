// The report's statements. `col` is the scope column, chosen from the closed ReportScopeKind (never from input);
// $1 is the scope's id; instants are the period's Shanghai bounds [start, end).
import { ReportScopeKind } from './report.types.js';

export function scopeColumn(kind: ReportScopeKind): 'township_id' | 'headquarters_id' {
  return kind === ReportScopeKind.TOWNSHIP ? 'township_id' : 'headquarters_id';
}

/** Households of the area: $2 start, $3 end. A household reverted from SIGNED has no signed_at: not counted. */
export const progressSql = (col: string) =>
  `SELECT count(*)::int AS households,
     count(*) FILTER (WHERE h.signed_at < $3)::int AS "signedHouseholds",
     coalesce(sum(h.building_area_m2), 0)::float8 AS "targetAreaM2",
     coalesce(sum(h.building_area_m2) FILTER (WHERE h.signed_at < $3), 0)::float8 AS "signedAreaM2",
     coalesce(sum(h.building_area_m2) FILTER (WHERE h.signed_at >= $2 AND h.signed_at < $3), 0)::float8
       AS "signedInPeriodM2",
     count(*) FILTER (WHERE h.signed_at >= $2 AND h.signed_at < $3)::int AS "signingsInPeriod"
   FROM household h WHERE h.${col} = $1`;

/**
 * Teams of the area (a township: the teams from it, wherever they work; a headquarters: the teams working for it)
 * with their nightly summaries of the days $2..$3 summed; a team with no summary yet shows zeros.
 */
export const teamsSql = (col: string) =>
  `SELECT t.code, t.name_zh AS name,
     coalesce(sum(s.visits), 0)::int AS visits, coalesce(sum(s.off_hours_visits), 0)::int AS "offHoursVisits",
     coalesce(sum(s.measurements), 0)::int AS measurements, coalesce(sum(s.assessments), 0)::int AS assessments,
     coalesce(sum(s.signings), 0)::int AS signings, coalesce(sum(s.signed_area_m2), 0)::float8 AS "signedAreaM2",
     coalesce(sum(s.disputes_opened), 0)::int AS "disputesOpened",
     coalesce(sum(s.disputes_resolved), 0)::int AS "disputesResolved",
     coalesce(sum(s.planned_measure + s.planned_assess), 0)::int AS planned,
     coalesce(sum(s.fulfilled_measure + s.fulfilled_assess), 0)::int AS fulfilled
   FROM work_team t
   LEFT JOIN team_day_summary s ON s.team_id = t.id AND s.day BETWEEN $2::date AND $3::date
   WHERE t.${col} = $1 GROUP BY t.id, t.code, t.name_zh ORDER BY t.code`;

/** Disputes on the area's households: $2 start, $3 end. Open at the end: opened before it, not resolved by it. */
export const disputesSql = (col: string) =>
  `SELECT count(*) FILTER (WHERE d.opened_at >= $2 AND d.opened_at < $3)::int AS opened,
     count(*) FILTER (WHERE d.resolved_at >= $2 AND d.resolved_at < $3)::int AS resolved,
     count(*) FILTER (WHERE d.opened_at < $3 AND NOT coalesce(d.resolved_at < $3, false))::int AS "openAtEnd",
     (avg(extract(epoch FROM d.resolved_at - d.opened_at)) FILTER (WHERE d.resolved_at >= $2 AND d.resolved_at < $3)
       / 3600)::float8 AS "meanResolutionHours"
   FROM dispute d WHERE d.${col} = $1`;

export const escalationCountsSql = (col: string) =>
  `SELECT count(*) FILTER (WHERE e.raised_at >= $2 AND e.raised_at < $3)::int AS raised,
     count(*) FILTER (WHERE e.closed_at >= $2 AND e.closed_at < $3)::int AS closed
   FROM escalation e WHERE e.${col} = $1`;

/** Blockers raised before the end and not closed by it, oldest first, with their age at the end. */
export const openEscalationsSql = (col: string) =>
  `SELECT to_char(e.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn", e.state, e.description,
     e.help_needed AS "helpNeeded", floor(extract(epoch FROM $2::timestamptz - e.raised_at) / 86400)::int AS "ageDays"
   FROM escalation e WHERE e.${col} = $1 AND e.raised_at < $2 AND NOT coalesce(e.closed_at < $2, false)
   ORDER BY e.raised_at, e.id`;

/** Every inspection recorded by the end ($1): the ranking needs all targets of a period, not the area's only. */
export const inspectionsSql = `SELECT i.id, i.period, i.target_kind AS "targetKind",
     i.headquarters_id AS "headquartersId", i.team_id AS "teamId", i.score::float8 AS score,
     t.code AS "teamCode", t.name_zh AS "teamName", t.township_id AS "teamTownshipId"
   FROM inspection i LEFT JOIN work_team t ON t.id = i.team_id
   WHERE i.recorded_at < $1 ORDER BY i.period, i.id`;
