import type { Filters, PaperSummary } from "@paperpulse/db";
import { filtersToQuery } from "@/lib/filters";
import { formatDay, formatInteger, hfPaperUrl, pathSegment } from "@/lib/format";

export type SortableColumn = "title" | "date" | "upvotes" | "comments";

type Props = {
  papers: PaperSummary[];
  filters: Filters;
  /** Number of the first row (1 on the first page). */
  firstIndex?: number;
  /** Column headers as sort links, with the current sort marked. */
  sorting?: { current: string; href: (column: SortableColumn) => string };
  caption: string;
};

const headers: { column: SortableColumn | "org"; label: string; numeric?: boolean; narrow?: boolean }[] = [
  { column: "title", label: "Title" },
  { column: "org", label: "Organisation" },
  { column: "date", label: "Daily date" },
  { column: "upvotes", label: "Upvotes", numeric: true },
  { column: "comments", label: "Comments", numeric: true, narrow: false },
];

/** Papers as a table. Titles open the paper's page here; organisations open theirs, keeping the filters. */
export function PapersTable({ papers, filters, firstIndex = 1, sorting, caption }: Props) {
  const keep = filtersToQuery({ ...filters, orgs: [] });
  return (
    <div className="table-wrap">
      <table className="papers">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num hide-narrow">
              #
            </th>
            {headers.map((header) => {
              const sortable = sorting && header.column !== "org" ? header.column : null;
              const state = sortable ? sortState(sorting?.current ?? "", sortable) : undefined;
              return (
                <th
                  key={header.column}
                  scope="col"
                  className={
                    [header.numeric ? "num" : "", header.narrow === false ? "hide-narrow" : ""]
                      .join(" ")
                      .trim() || undefined
                  }
                  aria-sort={state ?? undefined}
                >
                  {sortable && sorting ? (
                    <a href={sorting.href(sortable)} className="sort-link" data-sort={sortable}>
                      {header.label}
                      <span aria-hidden="true">
                        {state === "ascending" ? " ↑" : state === "descending" ? " ↓" : ""}
                      </span>
                    </a>
                  ) : (
                    header.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {papers.map((paper, index) => (
            <tr key={paper.id} data-paper-id={paper.id}>
              <td className="num muted hide-narrow">{firstIndex + index}</td>
              <td className="title">
                <a href={`/papers/${pathSegment(paper.id)}`}>{paper.title}</a>
                <span className="paper-id">
                  {paper.id} ·{" "}
                  <a href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
                    Hugging Face
                  </a>
                </span>
              </td>
              <td className="org">
                {paper.organization ? (
                  <a href={`/orgs/${pathSegment(paper.organization)}${keep}`}>{paper.organization}</a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="nowrap">{formatDay(paper.dailyDate)}</td>
              <td className="num">{formatInteger(paper.upvotes)}</td>
              <td className="num hide-narrow">{formatInteger(paper.comments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sortState(current: string, column: SortableColumn): "ascending" | "descending" | null {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return null;
}
