// What runs beside requests: the nightly summary, the audit writer, metrics, field work's calendar.
import {
  DEFAULT_AWARD_LOSS_LAST_PLACES,
  DEFAULT_WORKING_HOURS,
  formatWorkingHours,
  parseWorkingHours,
} from '@hanjiang/domain';
import { z } from 'zod';
import { bool } from './fields.js';

export const operationsEnv = {
  // How often the audit chain's head (last id and hash) is written to the log and /metrics, so a later
  // rewrite of the chain disagrees with what was exported before it.
  AUDIT_HEAD_EXPORT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  // Tonight's summary (精准汇总): its hour and minute in Asia/Shanghai (after the evening visits end at 21:30),
  // or a whole cron expression (Shanghai time) instead; SUMMARY_JOBS=0 runs no job on this replica.
  SUMMARY_HOUR: z.coerce.number().int().min(0).max(23).default(22),
  SUMMARY_MINUTE: z.coerce.number().int().min(0).max(59).default(0),
  SUMMARY_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'must be a five-field cron expression')
    .optional(),
  SUMMARY_JOBS: bool.default(true),
  // The integrator audit (modules/audit/audit.writer.ts): rows are written off the request path, in batches of at
  // most AUDIT_BATCH_ROWS, at most AUDIT_FLUSH_MS after they happen; refusals are coalesced per caller, code and
  // address into one row per AUDIT_REFUSAL_WINDOW_MS.
  AUDIT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  AUDIT_BATCH_ROWS: z.coerce.number().int().min(1).max(5_000).default(200),
  AUDIT_REFUSAL_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  // /metrics is never public: a listener of its own (off unless set; for the cluster network only) and/or a
  // bearer token (required wherever it is set; without it the gateway's own port has no /metrics at all).
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // How often a probe goes round the live bus to measure its lag (only while metrics are served).
  METRICS_BUS_PROBE_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  // Field work (issue 14): the working day in Asia/Shanghai wall-clock time ('HH:MM-HH:MM'); a visit outside it
  // is an off-hours visit (错时走访). And how many inspection periods ranked last cost a unit its award eligibility.
  WORKING_HOURS: z
    .string()
    .default(formatWorkingHours(DEFAULT_WORKING_HOURS))
    .transform((v, ctx) => {
      try {
        return parseWorkingHours(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  AWARD_LOSS_LAST_PLACES: z.coerce.number().int().min(1).max(52).default(DEFAULT_AWARD_LOSS_LAST_PLACES),
};
