import type { ReactNode } from "react";

export type Column = { label: string; numeric?: boolean };

type Props = { caption: string; columns: Column[]; rows: ReactNode[][]; rowKeys?: string[] };

/** A plain table of already formatted values: the text alternative of a chart. */
export function DataTable({ caption, columns, rows, rowKeys }: Props) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? "num" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKeys?.[r] ?? r}>
              {row.map((cell, c) => (
                <td key={columns[c]?.label ?? c} className={columns[c]?.numeric ? "num" : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
