import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { RosterImport } from './RosterImport.js';

setUpDom();
afterEach(cleanup);

const BAD =
  '户号,户主,身份证号,村,建筑面积,占地面积\nA-1,林一,350303198001011230,石西村,120,200\nA-2,陈二,350303199001011234,石西村,99,150\n';
const FIXED = BAD.replace('350303199001011234', '350303199001011235');

type Input = { dryRun: boolean; fileBase64: string; format: string; headquartersCode: string };
const decode = (input: Input) => Buffer.from(input.fileBase64, 'base64').toString('utf8');

/** The gateway's answer, played by the test: the row with the bad ID number is line 3. */
function gateway(input: Input) {
  const bad = decode(input).includes('350303199001011234');
  return {
    data: {
      importHouseholds: {
        dryRun: input.dryRun,
        totalRows: 2,
        importedRows: input.dryRun || bad ? 0 : 2,
        buildingAreaM2: 219,
        errors: bad
          ? [
              {
                line: 3,
                column: '身份证号',
                code: 'INVALID_ID_NUMBER',
                messageZh: '身份证号“350303199001011234”无效',
                messageEn: 'ID number "350303199001011234" is invalid',
              },
            ]
          : [],
      },
    },
  };
}

async function choose(name: string, text: string) {
  const input = screen.getByLabelText('花名册文件');
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
    await Promise.resolve();
  });
}

describe('RosterImport', () => {
  it('dry-runs first, lists the bad row by line in the gateway’s words, and imports only the fixed file', async () => {
    const { client, sent } = scriptedClient({ ImportHouseholds: (v) => gateway(v.input as Input) });
    render(<RosterImport client={client} hqCode="food-park" />);

    await choose('花名册.csv', BAD);
    const table = await screen.findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['3身份证号身份证号“350303199001011234”无效']);
    expect(screen.getByTestId('dry-run').textContent).toContain('校验完成:共 2 行,1 处问题。');
    expect(screen.queryByRole('button', { name: /正式导入/ })).toBeNull();

    await choose('花名册.csv', FIXED);
    await screen.findByText('校验通过:共 2 行,可以正式导入。');
    expect(screen.queryByTestId('import-errors')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /正式导入 2 户/ }));
    await screen.findByText('已导入 2 户,建筑面积 219 ㎡。');

    const inputs = sent.map((s) => s.variables.input as Input);
    expect(inputs.map((i) => i.dryRun)).toEqual([true, true, false]);
    expect(inputs.every((i) => i.format === 'CSV' && i.headquartersCode === 'food-park')).toBe(true);
    expect(decode(inputs[2]!)).toBe(FIXED); // the real import sends the file that passed the dry run
  });

  it('refuses a file that is neither CSV nor XLSX without sending it', async () => {
    const { client, sent } = scriptedClient({});
    render(<RosterImport client={client} hqCode="food-park" />);
    await choose('花名册.xls', BAD);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('仅支持 .csv 或 .xlsx 文件'));
    expect(sent).toHaveLength(0);
  });

  it('shows the gateway’s refusal in its own words', async () => {
    const { client } = scriptedClient({
      ImportHouseholds: () => ({ code: 'FORBIDDEN', messageZh: '只有本单位指挥长可以导入征迁户' }),
    });
    render(<RosterImport client={client} hqCode="food-park" />);
    await choose('r.csv', BAD);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('只有本单位指挥长可以导入征迁户'),
    );
  });
});
