// A striped, bordered table that scrolls sideways on narrow screens, with a row of column headers.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column header: its label, or the label with an alignment. */
export type Column = string | { label: ReactNode; align?: 'left' | 'right'; key?: string };

export function DataTable({
  testId,
  miw,
  columns,
  head,
  caption,
  foot,
  after,
  highlightOnHover,
  children,
}: {
  testId?: string;
  miw?: number;
  /** Plain column headers (scope="col"); or `head`, a ready header row (e.g. sortable headers). */
  columns?: Column[];
  head?: ReactNode;
  caption?: ReactNode;
  foot?: ReactNode;
  /** Shown below the table, inside the scrolling box. */
  after?: ReactNode;
  highlightOnHover?: boolean;
  /** The body rows. */
  children: ReactNode;
}) {
  const headRow =
    head ??
    (columns && (
      <Table.Tr>
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <Table.Th scope="col" key={i}>
              {c}
            </Table.Th>
          ) : (
            <Table.Th scope="col" key={c.key ?? i} ta={c.align}>
              {c.label}
            </Table.Th>
          ),
        )}
      </Table.Tr>
    ));
  return (
    <div className="table-scroll">
      <Table striped highlightOnHover={highlightOnHover} withTableBorder data-testid={testId} miw={miw}>
        {caption}
        {headRow && <Table.Thead>{headRow}</Table.Thead>}
        <Table.Tbody>{children}</Table.Tbody>
        {foot && <Table.Tfoot>{foot}</Table.Tfoot>}
      </Table>
      {after}
    </div>
  );
}

/** For QueryState's isEmpty: a page of no items. */
export const noItems = (d: { items: readonly unknown[] }) => d.items.length === 0;
