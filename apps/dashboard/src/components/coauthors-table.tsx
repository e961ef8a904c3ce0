import type { Coauthor, Filters } from "@paperpulse/db";
import { authorPath } from "@/lib/author-params";
import { filtersToQuery } from "@/lib/filters";
import { formatInteger } from "@/lib/format";
import { DataTable } from "./data-table";

type Props = { name: string; coauthors: Coauthor[]; filters: Filters };

/** The authors an author shares the most papers with, each a link to their page with the same filters. */
export function CoauthorsTable({ name, coauthors, filters }: Props) {
  const keep = filtersToQuery(filters);
  return (
    <section className="card" aria-labelledby="coauthors-title" data-coauthors>
      <h2 id="coauthors-title">Co-authors</h2>
      {coauthors.length === 0 ? (
        <p className="muted">No co-authors on these papers.</p>
      ) : (
        <DataTable
          caption={`Authors sharing the most papers with ${name}`}
          columns={[{ label: "Co-author" }, { label: "Shared papers", numeric: true }]}
          rowKeys={coauthors.map((author) => authorPath(author))}
          rows={coauthors.map((author) => [
            <a key="name" href={`${authorPath(author)}${keep}`}>
              {author.name}
            </a>,
            formatInteger(author.papers),
          ])}
        />
      )}
    </section>
  );
}
