import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInPortal, stubMatchMedia } from '../test-support.js';
import type { HouseholdPages, HouseholdRow } from '../use-household-pages.js';
import { HouseholdList, ROW_HEIGHT } from './HouseholdList.js';

const VIEWPORT_ROWS = 10;
beforeAll(() => {
  stubMatchMedia();
  // jsdom has no layout: the list's viewport is given the height of ten rows (the virtualiser reads clientHeight).
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('hh-viewport') ? VIEWPORT_ROWS * ROW_HEIGHT : 0;
    },
  });
});
afterEach(cleanup);

const rows = Array.from(
  { length: 200 },
  (_, i) =>
    ({
      id: `h${i}`,
      code: `BTH-${String(i).padStart(4, '0')}`,
      ownerName: `户主${i}`,
      stage: 'SIGNED',
      buildingAreaM2: 100,
      village: { name: '陈桥村' },
      team: null,
    }) as unknown as HouseholdRow,
);
const pages = (over: Partial<HouseholdPages> = {}): HouseholdPages => ({
  rowsFor: '{}',
  rows,
  totalCount: 1000,
  hasNextPage: true,
  loading: false,
  error: null,
  ...over,
});

describe('HouseholdList', () => {
  it('renders only the rows in view, tells assistive technology how many there are in all', () => {
    renderInPortal(<HouseholdList pages={pages()} filterKey="{}" onLoadMore={() => undefined} />);
    const shown = screen.getAllByRole('row').slice(1); // the header row first
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.length).toBeLessThan(30);
    expect(shown[0]!.textContent).toContain('BTH-0000');
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001');
    expect(screen.getByRole('link', { name: 'BTH-0000' }).getAttribute('href')).toBe('#/households/h0');
  });

  it('asks for the next page near the end of what is loaded, and on "load more"', () => {
    let asked = 0;
    const { rerender } = renderInPortal(
      <HouseholdList
        pages={pages({ rows: rows.slice(0, 12) })}
        filterKey="{}"
        onLoadMore={() => (asked += 1)}
      />,
    );
    expect(asked).toBe(1); // 12 loaded, 10 in view: the end is near
    rerender(<HouseholdList pages={pages()} filterKey="{}" onLoadMore={() => (asked += 1)} />);
    expect(asked).toBe(1); // far from the end of 200
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(asked).toBe(2);
  });

  it('says when everything is loaded, in the reader’s language', () => {
    renderInPortal(
      <HouseholdList
        pages={pages({ rows: rows.slice(0, 3), hasNextPage: false, totalCount: 3 })}
        filterKey="{}"
        onLoadMore={() => undefined}
      />,
      'en',
    );
    expect(screen.getByText('All loaded (3 households)')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Owner' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('moves the focus to the next row with ↓', async () => {
    renderInPortal(<HouseholdList pages={pages()} filterKey="{}" onLoadMore={() => undefined} />);
    const first = screen.getByRole('link', { name: 'BTH-0000' });
    first.focus();
    await act(async () => {
      fireEvent.keyDown(first, { key: 'ArrowDown' });
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    });
    expect(document.activeElement?.textContent).toBe('BTH-0001');
  });
});
