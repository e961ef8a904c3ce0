import type { AuthorSort, Filters } from "@paperpulse/db";
import type { RankedAuthor } from "@/lib/author-columns";
import { authorPath } from "@/lib/author-params";
import { filtersToQuery } from "@/lib/filters";
import { formatDay, formatInteger, pathSegment } from "@/lib/format";

type Props = { rows: RankedAuthor[]; filters: Filters; sort: AuthorSort; caption: string };

/** The authors leaderboard. Names open the author's page and organisations theirs, keeping the filters. */
export function AuthorsTable({ rows, filters, sort, caption }: Props) {
  const keep = filtersToQuery(filters);
  const keepOthers = filtersToQuery({ ...filters, orgs: [] });
  return (
    <div className="table-wrap">
      <table className="papers authors">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Author</th>
            <th scope="col" className="num" aria-sort={sort === "papers" ? "descending" : undefined}>
              Papers
            </th>
            <th scope="col" className="num" aria-sort={sort === "upvotes" ? "descending" : undefined}>
              Upvotes
            </th>
            <th scope="col">Organisations</th>
            <th scope="col" className="hide-narrow">
              First paper
            </th>
            <th scope="col" className="hide-narrow">
              Last paper
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={authorPath(row)} data-author={authorPath(row)}>
              <td className="num muted">{row.rank}</td>
              <td className="title">
                <a href={`${authorPath(row)}${keep}`}>{row.name}</a>
                <span className="paper-id">{row.hfUser ? `@${row.hfUser}` : "no Hugging Face account"}</span>
              </td>
              <td className="num">{formatInteger(row.papers)}</td>
              <td className="num">{formatInteger(row.upvotes)}</td>
              <td className="org">
                {row.organizations.length === 0 ? <span className="muted">—</span> : null}
                {row.organizations.map((org, index) => (
                  <span key={org}>
                    {index > 0 ? ", " : null}
                    <a href={`/orgs/${pathSegment(org)}${keepOthers}`}>{org}</a>
                  </span>
                ))}
                {row.organizationCount > row.organizations.length ? (
                  <span className="muted"> +{row.organizationCount - row.organizations.length} more</span>
                ) : null}
              </td>
              <td className="nowrap hide-narrow">{formatDay(row.firstDay)}</td>
              <td className="nowrap hide-narrow">{formatDay(row.lastDay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
