import { ImportHouseholdsDocument, publicMessage, type HanjiangClient } from '@hanjiang/client';
import { useCallback, useState } from 'react';
import { importable, readAsBase64, rosterFormat, type ImportState, type RosterFile } from '../import-flow.js';

/** The roster import of one headquarters: `choose` reads and dry-runs a file, `importNow` imports a clean one. */
export function useRosterImport(client: HanjiangClient, hqCode: string) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const send = useCallback(
    async (file: RosterFile, dryRun: boolean) => {
      const result = await client.urql
        .mutation(ImportHouseholdsDocument, {
          input: { dryRun, format: file.format, fileBase64: file.base64, headquartersCode: hqCode },
        })
        .toPromise();
      const error = publicMessage(result.error);
      const answer = result.data?.importHouseholds;
      if (!answer) {
        setState(error ? { phase: 'failed', error, file } : { phase: 'unreadable', name: file.name });
        return;
      }
      // A real import that met a problem after all (the data changed since the dry run) lists it like a dry run.
      setState(
        dryRun || answer.errors.length > 0
          ? { phase: 'checked', file, result: answer }
          : { phase: 'imported', result: answer },
      );
    },
    [client, hqCode],
  );

  const choose = useCallback(
    async (picked: File) => {
      const format = rosterFormat(picked.name);
      if (!format) {
        setState({ phase: 'unsupported', name: picked.name });
        return;
      }
      setState({ phase: 'reading', name: picked.name, percent: 0 });
      let base64: string;
      try {
        base64 = await readAsBase64(picked, (percent) =>
          setState({ phase: 'reading', name: picked.name, percent }),
        );
      } catch {
        setState({ phase: 'unreadable', name: picked.name });
        return;
      }
      const file = { name: picked.name, format, base64 };
      setState({ phase: 'validating', file });
      await send(file, true);
    },
    [send],
  );

  const importNow = useCallback(async () => {
    const file = importable(state);
    if (!file || state.phase !== 'checked') return;
    setState({ phase: 'importing', file, result: state.result });
    await send(file, false);
  }, [send, state]);

  return { state, choose, importNow };
}
