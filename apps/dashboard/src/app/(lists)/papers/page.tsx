import { type Filters, listPapers } from "@paperpulse/db";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { Pager } from "@/components/pager";
import { PapersTable, type SortableColumn } from "@/components/papers-table";
import { defaultThreshold } from "@/lib/feeds/feed-params";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { formatInteger } from "@/lib/format";
import { defaultPaperSort, papersPageSize, parsePapersParams, toPaperSort } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
/** The view's feeds, announced in the page head for feed readers and browsers. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { filters } = parsePapersParams(await searchParams);
  return {
    title: "Papers",
    alternates: {
      types: {
        "application/atom+xml": feedLinks(filters).map((feed) => ({ url: feed.href, title: feed.label })),
      },
    },
  };
}

function feedLinks(filters: Filters) {
  const query = filtersToQuery(filters);
  return [
    { href: `/feeds/papers.atom${query}`, label: "Feed: new papers" },
    { href: `/feeds/upvotes.atom${query}`, label: `Feed: reaching ${defaultThreshold} upvotes` },
  ];
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Numbers sort high first on the first click; text and dates low first.
const firstDirection: Record<SortableColumn, "" | "-"> = {
  upvotes: "-",
  comments: "-",
  date: "-",
  title: "",
};

export default async function PapersPage({ searchParams }: Props) {
  const parsed = parsePapersParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, sort, page } = parsed;
  const [result, facets] = await Promise.all([
    listPapers(db, filters, { sort: toPaperSort(sort), page, pageSize: papersPageSize }),
    getFacets(db),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / papersPageSize));
  const sortParam = sort === defaultPaperSort ? undefined : sort;
  const href = (extra: Record<string, string | undefined>) =>
    `/papers${filtersToQuery(filters, { sort: sortParam, ...extra })}`;
  const sortHref = (column: SortableColumn) => {
    const next =
      sort === `${firstDirection[column]}${column}`
        ? firstDirection[column] === "-"
          ? column
          : `-${column}`
        : `${firstDirection[column]}${column}`;
    return `/papers${filtersToQuery(filters, { sort: next === defaultPaperSort ? undefined : next })}`;
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Papers</h1>
          <p className="muted">
            {formatInteger(result.total)} {result.total === 1 ? "paper matches" : "papers match"}; latest
            upvote and comment counts.
          </p>
        </div>
        <ExportLinks
          links={[
            { href: `/api/export/papers.csv${filtersToQuery(filters, { sort })}`, label: "Papers CSV" },
            { href: `/api/export/snapshots.csv${filtersToQuery(filters)}`, label: "Snapshots CSV" },
          ]}
          feeds={feedLinks(filters)}
        />
      </div>
      <FilterBar path="/papers" filters={filters} facets={facets} keep={{ sort: sortParam }} />
      <IssuesNotice issues={issues} />
      {filters.orgs.length > 0 ? <OrgCoverageNote filters={filters} /> : null}
      {result.total === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/papers" />
      ) : (
        <section className="card">
          {result.rows.length === 0 ? (
            <p>
              There is no page {page}:{" "}
              <a href={href({ page: String(pages) })}>go to the last page ({pages})</a>.
            </p>
          ) : (
            <PapersTable
              papers={result.rows}
              filters={filters}
              firstIndex={(page - 1) * papersPageSize + 1}
              sorting={{ current: sort, href: sortHref }}
              caption={`Papers, page ${page} of ${pages}`}
            />
          )}
          <Pager page={page} pages={pages} href={(n) => href({ page: n === 1 ? undefined : String(n) })} />
        </section>
      )}
    </>
  );
}
