import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { z } from 'zod';

/**
 * One breaking change the team accepted on purpose, matched by the change's type and path as
 * @graphql-inspector/core reports them (e.g. FIELD_REMOVED at `Household.signedPct`). The reason is required:
 * it is what integrators read in the changelog.
 */
export const AcknowledgementSchema = z.object({
  type: z.string().min(1),
  path: z.string().min(1),
  reason: z.string().trim().min(10, 'say why in a sentence'),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;
export const AcknowledgementsSchema = z.array(AcknowledgementSchema);

export interface CompatReport {
  /** Breaking changes nobody acknowledged: the check fails when this is not empty. */
  readonly unacknowledged: readonly Change[];
  readonly acknowledged: readonly { change: Change; reason: string }[];
  /** Dangerous (e.g. an enum value added) and safe changes, listed for the reviewer only. */
  readonly other: readonly Change[];
  /** Acknowledgements that match no current change: left over after a release, worth deleting. */
  readonly stale: readonly Acknowledgement[];
}

const keyOf = (type: string, path: string | undefined) => `${type} ${path ?? ''}`;

/** Compares the released SDL with the current one; acknowledgements turn named breaking changes into accepted ones. */
export async function compareSchemas(
  releasedSdl: string,
  currentSdl: string,
  acknowledgements: readonly Acknowledgement[],
): Promise<CompatReport> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const acks = new Map(acknowledgements.map((ack) => [keyOf(ack.type, ack.path), ack]));
  const used = new Set<string>();
  const unacknowledged: Change[] = [];
  const acknowledged: { change: Change; reason: string }[] = [];
  const other: Change[] = [];
  for (const change of changes) {
    if (change.criticality.level !== CriticalityLevel.Breaking) {
      other.push(change);
      continue;
    }
    const key = keyOf(String(change.type), change.path);
    const ack = acks.get(key);
    if (ack) {
      used.add(key);
      acknowledged.push({ change, reason: ack.reason });
    } else {
      unacknowledged.push(change);
    }
  }
  const stale = acknowledgements.filter((ack) => !used.has(keyOf(ack.type, ack.path)));
  return { unacknowledged, acknowledged, other, stale };
}

/** The report as the CI log shows it; an acknowledgement line to copy is printed under each unacknowledged change. */
export function formatReport(report: CompatReport): string {
  const lines: string[] = [];
  for (const { change, reason } of report.acknowledged) {
    lines.push(`~ acknowledged: ${change.message} (${change.type} ${change.path ?? ''}) — ${reason}`);
  }
  for (const change of report.other) lines.push(`  ${change.criticality.level}: ${change.message}`);
  for (const ack of report.stale)
    lines.push(`? stale acknowledgement (matches nothing): ${ack.type} ${ack.path}`);
  for (const change of report.unacknowledged) {
    lines.push(`✗ BREAKING: ${change.message}`);
    lines.push(
      `    acknowledge with: ${JSON.stringify({ type: String(change.type), path: change.path ?? '', reason: '…' })}`,
    );
  }
  lines.push(
    report.unacknowledged.length === 0
      ? `✓ schema compatible with the released one (${report.acknowledged.length} acknowledged breaking change(s))`
      : `✗ ${report.unacknowledged.length} unacknowledged breaking change(s)`,
  );
  return lines.join('\n');
}
