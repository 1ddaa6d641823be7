import type { ImportHouseholdsMutation, PublicMessage, RosterFormat } from '@hanjiang/client';

export type ImportResult = ImportHouseholdsMutation['importHouseholds'];

/** A roster read into memory, ready to send (the gateway takes it base64-encoded). */
export interface RosterFile {
  name: string;
  format: RosterFormat;
  base64: string;
}

/**
 * The import as a commander goes through it: read the file (with progress) → dry run → the per-row errors, or a
 * clean dry run → the real import. The real import is offered only for the file whose dry run found no error.
 */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; percent: number }
  | { phase: 'validating'; file: RosterFile }
  | { phase: 'checked'; file: RosterFile; result: ImportResult }
  | { phase: 'importing'; file: RosterFile; result: ImportResult }
  | { phase: 'imported'; result: ImportResult }
  | { phase: 'unsupported'; name: string }
  | { phase: 'unreadable'; name: string }
  | { phase: 'failed'; error: PublicMessage; file: RosterFile };

/** CSV or XLSX by the file's extension; anything else is refused before it is read. */
export function rosterFormat(fileName: string): RosterFormat | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  return ext === 'csv' ? 'CSV' : ext === 'xlsx' ? 'XLSX' : null;
}

/** The state's file when it passed a dry run with no error: the only file that may be imported for real. */
export function importable(state: ImportState): RosterFile | null {
  return state.phase === 'checked' && state.result.errors.length === 0 && state.result.totalRows > 0
    ? state.file
    : null;
}

/** A file read as base64 (what `importHouseholds` takes), reporting how much of it was read. */
export function readAsBase64(file: Blob, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1)); // data:<type>;base64,<data>
    };
    reader.readAsDataURL(file);
  });
}
