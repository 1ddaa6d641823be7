import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpDom } from '../scripted-client.test-helper.js';
import { ImportErrors, SHOWN_ERRORS } from './ImportErrors.js';

setUpDom();
afterEach(cleanup);

const error = (line: number, column: string | null) => ({
  line,
  column,
  code: 'REQUIRED' as const,
  messageZh: `第 ${line} 行缺少内容`,
  messageEn: `line ${line} is missing a value`,
});

describe('ImportErrors', () => {
  it('lists each problem by line and column, a whole-row problem as such', () => {
    render(<ImportErrors errors={[error(2, '户主'), error(5, null)]} />);
    const rows = within(screen.getByTestId('import-errors')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['2户主第 2 行缺少内容', '5整行第 5 行缺少内容']);
  });

  it('lists the first ones of a very long list and says how many there are', () => {
    const many = Array.from({ length: SHOWN_ERRORS + 5 }, (_, i) => error(i + 2, '户号'));
    render(<ImportErrors errors={many} />);
    expect(within(screen.getByTestId('import-errors')).getAllByRole('row')).toHaveLength(SHOWN_ERRORS + 1);
    expect(screen.getByText(`共 ${SHOWN_ERRORS + 5} 处问题,仅列出前 ${SHOWN_ERRORS} 处`)).toBeTruthy();
  });
});
