import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RankedUnit } from '../ranking.js';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { InspectionTable } from './InspectionTable.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

function unit(
  id: string,
  rank: number,
  score: number,
  flaggedLast: boolean,
  lastPlaceCount: number,
): RankedUnit {
  return {
    id,
    period: '2025-11-17/2025-11-23',
    targetKind: 'TEAM',
    rank,
    score,
    flaggedLast,
    lastPlaceCount,
    note: null,
    recordedBy: 'district.inspector',
    recordedAt: '2025-11-23T12:00:00.000Z',
    headquarters: { code: 'food-park', nameZh: '食品产业园' },
    team: { id: `team-${id}`, name: `第${id}组` },
  };
}

const rows = [unit('1', 1, 91.5, false, 0), unit('2', 2, 80, false, 1), unit('3', 3, 62, true, 2)];

function bodyRows() {
  return [...document.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
}

describe('InspectionTable', () => {
  it('highlights exactly the units the gateway flags as ranked last repeatedly, and names the flag in words', () => {
    renderWithText(<InspectionTable rows={rows} window={4} />);
    const [first, second, third] = bodyRows();
    expect(third!.className).toBe('flagged-last');
    expect(third!.textContent).toContain('多次排名靠后');
    expect(third!.textContent).toContain('第3组(食品产业园)');
    for (const row of [first!, second!]) {
      expect(row.className).toBe('');
      expect(row.textContent).not.toContain('多次排名靠后');
    }
    // Ranked last once is not "repeatedly": the count shows, the flag does not.
    expect(second!.textContent).toContain('80');
    expect(screen.getByTestId('flag-summary').textContent).toBe('1 个单位多次排名靠后,已突出显示');
    expect(screen.getByRole('columnheader', { name: '近4期末位次数' })).toBeTruthy();
  });

  it('has no summary when nobody is flagged, and says when the period has no inspection', () => {
    renderWithText(<InspectionTable rows={rows.slice(0, 2)} window={4} />);
    expect(screen.queryByTestId('flag-summary')).toBeNull();
    expect(document.querySelectorAll('tr.flagged-last')).toHaveLength(0);
    cleanup();
    renderWithText(<InspectionTable rows={[]} window={4} />);
    expect(screen.getByText('该周期暂无考评记录')).toBeTruthy();
  });

  it('reads in English through the toggle', () => {
    renderWithText(<InspectionTable rows={rows} window={3} />, 'en');
    expect(screen.getByTestId('flag-summary').textContent).toBe(
      '1 unit(s) ranked last repeatedly, highlighted',
    );
    expect(screen.getByRole('columnheader', { name: 'Last place in the last 3' })).toBeTruthy();
  });
});
