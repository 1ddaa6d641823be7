// The part of tonight's summary that counts field work (issue 14 part A: visits and disputes). Those tables are
// built on another branch; until they exist the summary's visit and dispute columns stay 0. The column names are
// the ones agreed for part A: visit (team_id, visited_at, off_hours), dispute (team_id, opened_at, resolved_at).
// Days are $1..$2 (Shanghai dates) and $3 the teams (NULL: all), as in SUMMARISE_DAYS_SQL, which has already written every (team, day) row.

export const FIELD_WORK_TABLES = { visit: 'visit', dispute: 'dispute' } as const;

const FROM = `(($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const UNTIL = `((($2::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

export const VISITS_SQL = `
  UPDATE team_day_summary s SET visits = v.visits, off_hours_visits = v.off_hours
  FROM (SELECT team_id, ${DAY('visited_at')} AS day, count(*)::int AS visits,
               count(*) FILTER (WHERE off_hours)::int AS off_hours
        FROM visit WHERE team_id IS NOT NULL AND visited_at >= ${FROM} AND visited_at < ${UNTIL}
        GROUP BY 1, 2) AS v
  WHERE s.team_id = v.team_id AND s.day = v.day AND ($3::uuid[] IS NULL OR s.team_id = ANY ($3::uuid[]))`;

export const DISPUTES_SQL = `
  UPDATE team_day_summary s SET disputes_opened = d.opened, disputes_resolved = d.resolved
  FROM (SELECT team_id, day, sum(opened)::int AS opened, sum(resolved)::int AS resolved FROM (
          SELECT team_id, ${DAY('opened_at')} AS day, 1 AS opened, 0 AS resolved FROM dispute
          WHERE opened_at >= ${FROM} AND opened_at < ${UNTIL}
          UNION ALL
          SELECT team_id, ${DAY('resolved_at')}, 0, 1 FROM dispute
          WHERE resolved_at >= ${FROM} AND resolved_at < ${UNTIL}) AS x
        WHERE team_id IS NOT NULL GROUP BY 1, 2) AS d
  WHERE s.team_id = d.team_id AND s.day = d.day AND ($3::uuid[] IS NULL OR s.team_id = ANY ($3::uuid[]))`;

/** The statements to run for the tables that exist. */
export function fieldWorkStatements(present: { visit: boolean; dispute: boolean }): string[] {
  return [...(present.visit ? [VISITS_SQL] : []), ...(present.dispute ? [DISPUTES_SQL] : [])];
}
