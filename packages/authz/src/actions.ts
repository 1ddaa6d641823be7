// Everything a principal may ask to do. A union, so `can` is an exhaustive switch and a new action
// cannot be added without stating its rule.

export const ACTIONS = [
  'household:read',
  'household:advance',
  'household:revert',
  'household:import',
  'team:assign',
  'inspection:record',
  'inspection:read',
  'resettlement:create',
  'apikey:create',
  'apikey:revoke',
  'apikey:read',
  'audit:read',
  'leaderboard:read',
  'campaign:read',
  'plan:write',
  'summary:run',
  'summary:read',
  'visit:record',
  'dispute:open',
  'dispute:mediate',
  'escalation:raise',
  'escalation:triage',
  'reserve:read',
  'reserve:nominate',
  'report:read',
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
