import { Foundation1764403200000 } from './1764403200000-foundation.js';
import { Tenancy1764489600000 } from './1764489600000-tenancy.js';
import { Workflow1764540000000 } from './1764540000000-workflow.js';
import { Administration1764576000000 } from './1764576000000-administration.js';
import { Sockets1764700000200 } from './1764700000200-sockets.js';
import { DatabaseRights1764720000000 } from './1764720000000-database-rights.js';
import { TeamOnlyForCadre1796061489512 } from './1796061489512-team-only-for-cadre.js';
import { IntegratorKeys1796066000000 } from './1796066000000-integrator-keys.js';
import { IntegratorAudit1796071774812 } from './1796071774812-integrator-audit.js';
import { LiveReplay1796074217912 } from './1796074217912-live-replay.js';
import { FieldWork1796071811373 } from './1796071811373-field-work.js';
import { KeyLifecycle1796077000000 } from './1796077000000-key-lifecycle.js';
import { PersistedQueryBound1796080000000 } from './1796080000000-persisted-query-bound.js';
import { FieldSummary1796071808458 } from './1796071808458-field-summary.js';

export { API_KEY_SCOPES } from './1796066000000-integrator-keys.js';
export { AUDIT_WRITER_SCOPE } from './sql/audit-batch.js';
export { TEAM_ONLY_FOR_CADRE } from './1796061489512-team-only-for-cadre.js';

/** Every migration, oldest first. Add-only: never edit one that has shipped; add a new one. */
export const migrations = [
  Foundation1764403200000,
  Tenancy1764489600000,
  Workflow1764540000000,
  Administration1764576000000,
  Sockets1764700000200,
  DatabaseRights1764720000000,
  TeamOnlyForCadre1796061489512,
  IntegratorKeys1796066000000,
  IntegratorAudit1796071774812,
  FieldSummary1796071808458,
  FieldWork1796071811373,
  LiveReplay1796074217912,
  KeyLifecycle1796077000000,
  PersistedQueryBound1796080000000,
];
