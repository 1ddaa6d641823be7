// CPU time per request, per side: the server process under test and the PostgreSQL backends serving it.
// Throughput ratios need an idle machine (a busy one takes CPU from whichever system is measured); CPU time per
// request barely moves with load, so it says which side costs what even on a shared 2-core machine.
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Linux's USER_HZ: /proc reports times in these ticks (100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

/** User + system CPU of a process in ms, or null once it is gone (or off Linux). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuSample {
  serverMs: number;
  databaseMs: number;
}

/**
 * Measures one window: the server's CPU and that of every client backend of the bench's database (only the
 * system under load is busy in a window; backends that start inside it count from zero).
 */
export class CpuMeter {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  }

  async start(serverPid: number): Promise<() => Promise<CpuSample | null>> {
    const server0 = processCpuMs(serverPid);
    const backends0 = await this.backendCpu();
    return async () => {
      const server1 = processCpuMs(serverPid);
      const backends1 = await this.backendCpu();
      if (server0 === null || server1 === null || !backends0 || !backends1) return null;
      let databaseMs = 0;
      for (const [pid, ms] of backends1) databaseMs += ms - (backends0.get(pid) ?? 0);
      return { serverMs: server1 - server0, databaseMs };
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** pid → CPU ms of the database's client backends, or null when their processes cannot be read. */
  private async backendCpu(): Promise<Map<number, number> | null> {
    const { rows } = await this.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) cpu.set(pid, ms);
    }
    return rows.length && !cpu.size ? null : cpu;
  }
}
