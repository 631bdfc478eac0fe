// A sortable column header: a button inside the <th>, with aria-sort telling the current order.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export type Dir = 'asc' | 'desc';

export function SortHeader({ column, label, sort, dir, onSort, align = 'right' }: { column: string; label: ReactNode; sort: string; dir: Dir; onSort: (column: string) => void; align?: 'left' | 'right' }) {
  const { t } = useI18n();
  const active = sort === column;
  return (
    <Table.Th scope="col" ta={align} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} data-sort={column}>
        {label}
        <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        {active && <span className="visually-hidden-inline"> ({t(dir === 'asc' ? 'table.sortedAsc' : 'table.sortedDesc')})</span>}
      </button>
    </Table.Th>
  );
}

/** Sorts rows by a numeric key, nulls last whatever the direction. */
export function sortRows<T>(rows: T[], key: (r: T) => number | string | null | undefined, dir: Dir): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const xn = x === null || x === undefined;
    const yn = y === null || y === undefined;
    if (xn || yn) return xn && yn ? 0 : xn ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return dir === 'asc' ? c : -c;
  });
}
