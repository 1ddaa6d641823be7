import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { ReportButton } from './ReportButton.js';

setUpDom();
afterEach(cleanup);

// 2020-10-23 10:00 in Shanghai: the report covers 10-16 to 10-22.
const NOW = new Date('2020-10-23T02:00:00Z');

describe('ReportButton', () => {
  it('downloads this headquarters’ 推进会 report for the last seven days', async () => {
    const scripted = scriptedClient({
      ProgressReportXlsx: () => ({
        data: {
          progressReportXlsx: { filename: 'progress-report-food-park.xlsx', contentBase64: 'UEsDBA==' },
        },
      }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<ReportButton client={scripted.client} hqCode="food-park" now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: '下载推进会报告(2020-10-16 至 2020-10-22)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(scripted.sent).toEqual([
      {
        operation: 'ProgressReportXlsx',
        variables: { scopeKind: 'HEADQUARTERS', code: 'food-park', from: '2020-10-16', to: '2020-10-22' },
      },
    ]);
    click.mockRestore();
  });

  it('shows the gateway’s refusal and downloads nothing', async () => {
    const scripted = scriptedClient({
      ProgressReportXlsx: () => ({
        code: 'FORBIDDEN',
        messageZh: '只有本单位指挥长和区级可以查看推进会报告',
      }),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<ReportButton client={scripted.client} hqCode="food-park" now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: /下载推进会报告/ }));
    await screen.findByText('只有本单位指挥长和区级可以查看推进会报告');
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });
});
