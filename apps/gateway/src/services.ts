import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Readiness, Services } from './context.js';
import { ApiKeyResolver } from './credentials/api-keys.js';
import { Authenticator } from './credentials/authenticate.js';
import { CredentialStatus } from './credentials/credential-status.js';
import { TokenService } from './credentials/token-service.js';
import { TokenStanding } from './credentials/token-standing.js';
import { CatalogueCache } from './db/catalogue-cache.js';
import { ReadPins } from './db/read-pins.js';
import { ReadRouting } from './db/read-routing.js';
import { type Env, isDemoMode } from './env.js';
import { LiveService } from './live/live-service.js';
import type { Logger } from './logger.js';
import { ApiKeyService } from './modules/apikey/apikey.service.js';
import type { OperationMetrics } from './metrics/operation-metrics.js';
import { AssignmentService } from './modules/assignment/assignment.service.js';
import { AuditLogService } from './modules/audit/audit-log.service.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { AuthService } from './modules/auth/auth.service.js';
import { ExportService } from './modules/export/export.service.js';
import { DEFAULT_LOGIN_LIMITS, LoginLimits } from './modules/auth/login-limits.js';
import { credentialsCheckOn } from './modules/auth/login-lookup.js';
import { HouseholdService } from './modules/household/household.service.js';
import { InspectionService } from './modules/inspection/inspection.service.js';
import { MilestoneService } from './modules/milestone/milestone.service.js';
import { ProgressService } from './modules/progress/progress.service.js';
import { ResettlementService } from './modules/resettlement/resettlement.service.js';
import { ImportAdmission } from './modules/roster/roster.admission.js';
import { RosterService } from './modules/roster/roster.service.js';
import { WorkflowService } from './modules/workflow/workflow.service.js';
import { PlanService } from './modules/plan/plan.service.js';
import { SummaryRunner } from './modules/summary/summary.runner.js';
import { SummaryService } from './modules/summary/summary.service.js';
import { ReportService } from './modules/report/report.service.js';
import { VisitService } from './modules/visit/visit.service.js';
import { DisputeService } from './modules/dispute/dispute.service.js';
import { EscalationService } from './modules/escalation/escalation.service.js';
import { CadreRecordService } from './modules/cadre-record/cadre-record.service.js';

export interface ComposedServices {
  readonly services: Services;
  /** For the wiring: forgets a revoked key's cached lookup (server.ts, on a credential event). */
  readonly apiKeys: ApiKeyResolver;
  /** For the wiring: forgets a user's remembered standing (server.ts, on a credential event). */
  readonly tokenStanding: TokenStanding;
  /** The login and operation limits' (and read pins') Redis connection, closed when the gateway stops. */
  readonly loginRedis: Redis | null;
  /** The batched integrator audit (also `services.audit`): started once the pool exists, closed in the drain. */
  readonly audit: AuditWriter;
}

/**
 * The composition root: every process-wide service is built here, once, at start-up, and reaches resolvers as
 * `ctx.services` (the kernel's open `Services` interface, which each owner extends where it defines its service).
 * One shape for all of them: dependencies through the constructor; every operation method takes the operation's
 * context first, `(ctx, …arguments)`. `pool` is a getter because the database opens after the server listens.
 */
export function createServices(
  env: Env,
  logger: Logger,
  readiness: Readiness,
  version: string,
  pool: () => pg.Pool,
  operationMetrics: OperationMetrics,
): ComposedServices {
  const catalogue = new CatalogueCache();
  const tokens = new TokenService(env);
  // API keys are looked up on the request pool, which exists once the database is open.
  const apiKeys = new ApiKeyResolver(pool, (error) =>
    logger.warn({ err: error }, 'api key last use not recorded'),
  );
  // rate-limiter-flexible's advice for ioredis: no offline queue, so a Redis outage fails fast to the fallback.
  const loginRedis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  loginRedis?.on('error', (error: Error) =>
    logger.warn({ err: error }, 'login and operation limits: Redis unavailable'),
  );
  // Integrator operations, refusals and sign-ins: audited in batches off the request path, flushed in the drain.
  const audit = new AuditWriter(
    {
      flushMs: env.AUDIT_FLUSH_MS,
      batchRows: env.AUDIT_BATCH_ROWS,
      refusalWindowMs: env.AUDIT_REFUSAL_WINDOW_MS,
    },
    logger,
  );
  const tokenStanding = new TokenStanding(new CredentialStatus(pool), env.CREDENTIAL_CHECK_TTL_MS);
  const households = new HouseholdService(catalogue);
  const services: Services = {
    readiness,
    version,
    catalogue,
    tokens,
    authenticator: new Authenticator(tokens, apiKeys, tokenStanding),
    audit,
    // Password checks run in their own short transactions on the request pool (login-lookup.ts); failed
    // sign-ins are counted in Redis when replicas share one, so the limits hold across them.
    auth: new AuthService(
      tokens,
      isDemoMode(env),
      credentialsCheckOn(pool),
      new LoginLimits(DEFAULT_LOGIN_LIMITS, loginRedis ?? undefined),
    ),
    live: new LiveService(env, logger),
    operationMetrics,
    // A replica only once the database opens (server.ts attaches it); pins shared through Redis when there is one.
    reads: new ReadRouting(
      new ReadPins(env.DATABASE_REPLICA_PIN_MS, loginRedis, logger),
      env.DATABASE_REPLICA_RETRY_MS,
      logger,
    ),
    households,
    exports: new ExportService(
      {
        maxRows: env.EXPORT_MAX_ROWS,
        maxSeconds: env.EXPORT_MAX_SECONDS,
        linkTtlSeconds: env.EXPORT_LINK_TTL_SECONDS,
      },
      tokens,
      households,
    ),
    workflow: new WorkflowService(catalogue),
    assignments: new AssignmentService(),
    inspections: new InspectionService(env.AWARD_LOSS_LAST_PLACES),
    milestones: new MilestoneService(),
    progress: new ProgressService(),
    resettlement: new ResettlementService(),
    roster: new RosterService(
      new ImportAdmission(
        {
          perWindow: env.IMPORTS_PER_MINUTE,
          windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
          concurrency: env.IMPORT_CONCURRENCY,
        },
        loginRedis ?? undefined,
      ),
    ),
    integratorKeys: new ApiKeyService(apiKeys),
    plans: new PlanService(),
    summaries: new SummaryRunner(pool),
    summaryReads: new SummaryService(),
    reports: new ReportService(),
    // Field work (issue 14).
    visits: new VisitService(env.WORKING_HOURS),
    disputes: new DisputeService(),
    escalations: new EscalationService(),
    cadreRecords: new CadreRecordService(),
    auditLog: new AuditLogService(),
  };
  return { services, apiKeys, tokenStanding, loginRedis, audit };
}
