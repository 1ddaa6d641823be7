import type { HanjiangClient } from '@hanjiang/client';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { ProgressReport } from './ProgressReport.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

function fakeClient(answer: Record<string, unknown>) {
  const asked: Record<string, unknown>[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: Record<string, unknown>) => ({
        toPromise: () => {
          asked.push(variables);
          return Promise.resolve(answer);
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, asked };
}

// 2020-10-23 10:00 in Shanghai: the default period is the seven days up to 10-22.
const NOW = new Date('2020-10-23T02:00:00Z');

describe('ProgressReport', () => {
  it('asks for the chosen area and period and downloads the workbook', async () => {
    const { client, asked } = fakeClient({
      data: { progressReportXlsx: { filename: 'progress-report-baisha.xlsx', contentBase64: 'UEsDBA==' } },
    });
    const created = vi.fn(() => 'blob:x');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithText(<ProgressReport client={client} now={NOW} />);
    expect(screen.getByLabelText<HTMLInputElement>('起始日期').value).toBe('2020-10-16');
    expect(screen.getByLabelText<HTMLInputElement>('截止日期').value).toBe('2020-10-22');
    fireEvent.change(screen.getByLabelText('范围'), { target: { value: 'TOWNSHIP:baisha' } });
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2020-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: '生成推进会报告' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(asked).toEqual([{ scopeKind: 'TOWNSHIP', code: 'baisha', from: '2020-10-01', to: '2020-10-22' }]);
    expect(created).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows the gateway’s refusal in Chinese and downloads nothing', async () => {
    const { client } = fakeClient({
      error: {
        graphQLErrors: [
          {
            message:
              'Only a commander of this township or headquarters, or the district, may read its progress report',
            extensions: {
              code: 'FORBIDDEN',
              messageZh: '只有本单位指挥长和区级可以查看推进会报告',
              messageEn:
                'Only a commander of this township or headquarters, or the district, may read its progress report',
            },
          },
        ],
      },
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithText(<ProgressReport client={client} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: '生成推进会报告' }));
    await screen.findByText(/只有本单位指挥长和区级可以查看推进会报告/);
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });
});
