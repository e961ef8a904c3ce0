import type { ReactNode } from "react";
import { type Column, TableHead } from "./table-head";

type Props = { caption: string; columns: Column[]; rows: ReactNode[][]; rowKeys?: string[] };

/** A plain table of already formatted values: the text alternative of a chart. */
export function DataTable({ caption, columns, rows, rowKeys }: Props) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
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
