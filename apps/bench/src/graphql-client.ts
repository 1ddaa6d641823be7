import type { GraphQLBody } from './scenarios.js';

export interface GraphQLAnswer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } | null;
}

export async function post(url: string, body: GraphQLBody, token?: string): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: GraphQLAnswer['body'] = null;
  try {
    parsed = JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    // left null: reported by the caller
  }
  return { status: response.status, text, body: parsed };
}

/** Sorted-key JSON, so two answers compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** The first path where two JSON values differ, with both values, for a readable failure. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (canonical(a) === canonical(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (diff) return diff;
    }
  }
  const show = (v: unknown) => (JSON.stringify(v) ?? 'undefined').slice(0, 160);
  return `${at}: ${show(a)} ≠ ${show(b)}`;
}
