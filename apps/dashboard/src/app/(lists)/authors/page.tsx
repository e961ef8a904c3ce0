import { type AuthorSort, authorSorts, listAuthors } from "@paperpulse/db";
import type { Metadata } from "next";
import { AuthorsTable } from "@/components/authors-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { Pager } from "@/components/pager";
import { Segmented } from "@/components/segmented";
import { rankAuthors } from "@/lib/author-columns";
import { authorsPageSize, parseAuthorsParams } from "@/lib/author-params";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { formatInteger } from "@/lib/format";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Authors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const sortNames: Record<AuthorSort, string> = { papers: "Papers", upvotes: "Upvotes" };

/** Who writes the featured papers: authors ranked by papers or upvotes over the filtered papers. */
export default async function AuthorsPage({ searchParams }: Props) {
  const parsed = parseAuthorsParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, sort, page } = parsed;
  const [board, facets] = await Promise.all([
    listAuthors(db, filters, { sort, page, pageSize: authorsPageSize }),
    getFacets(db),
  ]);
  const pages = Math.max(1, Math.ceil(board.total / authorsPageSize));
  const sortParam = sort === "papers" ? undefined : sort;
  const pageParam = page === 1 ? undefined : String(page);
  const href = (extra: Record<string, string | undefined>) =>
    `/authors${filtersToQuery(filters, { sort: sortParam, ...extra })}`;
  const first = (page - 1) * authorsPageSize + 1;
  const last = first + board.rows.length - 1;
  const shown = `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(board.total)}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Authors</h1>
          <p className="muted">
            The people on the papers matching the filters, ranked by their papers or those papers&apos;
            upvotes. An author is their Hugging Face account when the listing names one, else their name (in
            any case).
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/authors.csv${filtersToQuery(filters, { sort: sortParam, page: pageParam })}`,
              label: "Authors CSV",
            },
          ]}
        />
      </div>
      <FilterBar path="/authors" filters={filters} facets={facets} keep={{ sort: sortParam }} />
      <IssuesNotice issues={issues} />
      {filters.orgs.length > 0 ? <OrgCoverageNote filters={filters} /> : null}
      {board.total === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/authors" />
      ) : (
        <section className="card" aria-labelledby="authors-title">
          <div className="chart-head">
            <div>
              <h2 id="authors-title">
                {board.rows.length === 0
                  ? `${formatInteger(board.total)} authors`
                  : page === 1
                    ? `Top ${formatInteger(board.rows.length)} of ${formatInteger(board.total)} authors`
                    : `Authors ${shown}`}
              </h2>
              <p className="muted small" data-authors-total={board.total}>
                {formatInteger(board.total)} {board.total === 1 ? "author" : "authors"} of the matching
                papers, by {sortNames[sort].toLowerCase()}; each paper counts once per author.
              </p>
            </div>
            <Segmented
              label="Rank by"
              options={authorSorts}
              current={sort}
              names={sortNames}
              href={(value) =>
                `/authors${filtersToQuery(filters, { sort: value === "papers" ? undefined : value })}`
              }
            />
          </div>
          {board.rows.length === 0 ? (
            <p>
              There is no page {page}:{" "}
              <a href={href({ page: String(pages) })}>go to the last page ({pages})</a>.
            </p>
          ) : (
            <AuthorsTable
              rows={rankAuthors(board.rows, first)}
              filters={filters}
              sort={sort}
              caption={`Authors ranked by ${sortNames[sort].toLowerCase()}, ${shown}`}
            />
          )}
          <Pager page={page} pages={pages} href={(n) => href({ page: n === 1 ? undefined : String(n) })} />
        </section>
      )}
    </>
  );
}
