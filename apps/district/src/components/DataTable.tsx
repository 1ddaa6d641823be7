import type { ReactNode } from 'react';

export interface Column<T> {
  readonly key: string;
  readonly title: string;
  readonly render: (row: T) => ReactNode;
  readonly numeric?: boolean;
  /** Free text (a description, a reason): wraps instead of widening the table past the screen. */
  readonly prose?: boolean;
}

/**
 * A plain, semantic table (caption, column headers with scope) styled like antd's small table. The console's
 * tables are short (seven headquarters, five pairs, a page of audit rows), so they need neither antd's Table
 * (≈ 70 KiB gzipped) nor its paging; screen readers get the native table semantics.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  emptyText,
  busy,
  testId,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string;
  emptyText?: string;
  busy?: boolean;
  testId?: string;
}) {
  return (
    // Focusable so that keyboard users can scroll a table wider than a phone's screen.
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table" data-testid={testId} aria-busy={busy || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyText ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row) || undefined}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : c.prose ? 'prose' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
