import { StageTag, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { HouseholdPages, HouseholdRow } from '../use-household-pages.js';

/** Fixed row height (styles.css .hh-row): fixed rows keep the virtualiser exact without measuring. */
export const ROW_HEIGHT = 48;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 15;

/**
 * The loaded households as a virtualised table: only the rows in view (and a few around) are in the DOM, so the
 * list stays fast however far it was scrolled. Each row is a link to its card (Tab reaches it, Enter opens it);
 * ↑/↓ move between rows, scrolling as needed. Near the end it asks for the next page; "load more" does the same
 * for those who prefer a button.
 */
export function HouseholdList({
  pages,
  filterKey,
  onLoadMore,
}: {
  pages: HouseholdPages;
  filterKey: string;
  onLoadMore: () => void;
}) {
  const { t } = useLang();
  const scroller = useRef<HTMLDivElement>(null);
  const { rows } = pages;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last < 0 || !pages.hasNextPage || pages.loading) return; // nothing in view yet, or nothing more to load
    if (last >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [last, rows.length, pages.hasNextPage, pages.loading, onLoadMore]);

  // A new filter shows its rows from the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [filterKey]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const from = Number((event.target as HTMLElement).closest('[data-row]')?.getAttribute('data-row'));
    if (Number.isNaN(from)) return;
    const to = Math.min(rows.length - 1, Math.max(0, from + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(to, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row="${to}"] a`)?.focus(),
    );
  };

  const stale = pages.rowsFor !== filterKey;
  return (
    <>
      <div
        role="table"
        aria-labelledby="households-title"
        aria-rowcount={(pages.totalCount ?? rows.length) + 1}
        aria-busy={pages.loading}
        data-rows-for={pages.rowsFor ?? ''}
        className={`hh-table${stale ? ' hh-stale' : ''}`}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="hh-row hh-head">
            <span role="columnheader">{t('colCode')}</span>
            <span role="columnheader">{t('colOwner')}</span>
            <span role="columnheader" className="hh-wide">
              {t('colVillage')}
            </span>
            <span role="columnheader" className="hh-wide">
              {t('colTeam')}
            </span>
            <span role="columnheader">{t('colStage')}</span>
            <span role="columnheader" className="hh-wide hh-num">
              {t('colArea')}
            </span>
          </div>
        </div>
        {/* The scrolling viewport: focusable so the keyboard can scroll it too. */}
        <div
          role="rowgroup"
          ref={scroller}
          tabIndex={0}
          aria-label={t('householdsTitle')}
          className="hh-viewport"
          onKeyDown={moveFocus}
        >
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <Row key={rows[item.index]!.id} row={rows[item.index]!} index={item.index} top={item.start} />
            ))}
          </div>
          {!pages.loading && rows.length === 0 && <p className="hh-empty">{t('noHouseholds')}</p>}
        </div>
      </div>
      <div className="row pager">
        {pages.hasNextPage ? (
          <Button onClick={onLoadMore} loading={pages.loading && rows.length > 0}>
            {pages.loading ? t('loadingMore') : t('loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <span className="muted">{t('allLoaded', { count: rows.length })}</span>
        )}
      </div>
    </>
  );
}

function Row({ row, index, top }: { row: HouseholdRow; index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row={index}
      className="hh-row"
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
    >
      <span role="cell">
        <a href={`#/households/${row.id}`}>{row.code}</a>
      </span>
      <span role="cell">{row.ownerName}</span>
      <span role="cell" className="hh-wide">
        {row.village.name}
      </span>
      <span role="cell" className="hh-wide">
        {row.team?.name ?? '—'}
      </span>
      <span role="cell">
        <StageTag stage={row.stage} />
      </span>
      <span role="cell" className="hh-wide hh-num">
        {row.buildingAreaM2}
      </span>
    </div>
  );
}
