// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, so a missed target
// comes with the places the gateway spends its CPU.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileShare {
  name: string;
  pct: number;
}
export interface ProfileSummary {
  file: string;
  /** Busy time (idle excluded), in seconds. */
  busySeconds: number;
  functions: ProfileShare[];
  packages: ProfileShare[];
}

/** node_modules/.pnpm/<pkg>@<v>/node_modules/<pkg>/… → <pkg>; project files → their workspace folder. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return workspace ? `${workspace[1]}/${workspace[2]}` : url;
}

/**
 * @param skipMs samples in the first `skipMs` of the profile are left out (the process's start-up and module
 *   loading), so the summary shows where the CPU went while serving the measured load.
 */
export function summariseProfile(file: string, top = 20, skipMs = 0): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    let at = 0;
    for (const [i, id] of profile.samples.entries()) {
      at += profile.timeDeltas[i] ?? 0;
      if (at / 1000 >= skipMs) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
  } else for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  let total = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (!count) continue;
    total += count;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += count;
    const where = url
      ? `${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/(apps|packages)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const seconds = Math.max(0, (profile.endTime - profile.startTime) / 1e6 - skipMs / 1000);
  const share = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, pct: Math.round((count / Math.max(busy, 1)) * 1000) / 10 }));
  return {
    file,
    busySeconds: total ? Math.round(seconds * (busy / total) * 10) / 10 : 0,
    functions: share(byFunction),
    packages: share(byPackage),
  };
}
