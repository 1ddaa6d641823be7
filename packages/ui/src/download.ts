import {
  type HanjiangClient,
  ProgressReportXlsxDocument,
  type ProgressReportXlsxQueryVariables,
  publicMessage,
  type PublicMessage,
} from '@hanjiang/client';

/** Saves base64 .xlsx content as a file: the gateway answers workbooks inside GraphQL, scoped like the query. */
export function downloadXlsx(filename: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Asks for the 推进会 report of an area and period and saves it; the gateway's refusal, if any, to show. */
export async function downloadProgressReport(
  client: HanjiangClient,
  variables: ProgressReportXlsxQueryVariables,
): Promise<PublicMessage | null> {
  const result = await client.urql
    .query(ProgressReportXlsxDocument, variables, { requestPolicy: 'network-only' })
    .toPromise();
  const file = result.data?.progressReportXlsx;
  if (file) downloadXlsx(file.filename, file.contentBase64);
  return publicMessage(result.error);
}
