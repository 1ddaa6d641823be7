// The rule behind `pnpm check:audit`, apart from the registry call so it can be tested: every high or critical
// advisory in a `pnpm audit --json` report must be explained in audit-allow.json (an id and a reason).

export const BLOCKING = new Set(['high', 'critical']);

/** The ids an advisory may be listed under in the allow file: its GHSA id, its numeric id, its URL's last part. */
function idsOf(key, advisory) {
  const ids = [String(key)];
  if (advisory.id !== undefined) ids.push(String(advisory.id));
  if (advisory.github_advisory_id) ids.push(advisory.github_advisory_id);
  if (typeof advisory.url === 'string') ids.push(advisory.url.split('/').pop());
  return ids;
}

/**
 * Judges a parsed `pnpm audit --json` report against the allow file's entries.
 * Returns the blocking advisories nobody explained, the explained ones, allow entries without a reason (refused:
 * an entry must say why), and allow entries that match nothing any more (to be removed).
 */
export function judge(report, allow) {
  const entries = allow?.advisories ?? [];
  const unreasoned = entries.filter((e) => typeof e.reason !== 'string' || e.reason.trim().length < 10);
  const reasoned = entries.filter((e) => !unreasoned.includes(e));
  const used = new Set();
  const unexplained = [];
  const explained = [];
  for (const [key, advisory] of Object.entries(report.advisories ?? {})) {
    if (!BLOCKING.has(advisory.severity)) continue;
    const ids = idsOf(key, advisory);
    const entry = reasoned.find((e) => ids.includes(String(e.id)));
    const line = `${advisory.severity} ${advisory.module_name} ${advisory.vulnerable_versions ?? ''} ${ids.at(-1)}: ${advisory.title ?? ''}`;
    if (entry) {
      used.add(entry);
      explained.push(`${line} — allowed: ${entry.reason}`);
    } else {
      unexplained.push(line);
    }
  }
  const stale = reasoned.filter((e) => !used.has(e)).map((e) => String(e.id));
  return { unexplained, explained, unreasoned: unreasoned.map((e) => String(e.id)), stale };
}
