import { getLatestTrending, listRisingPapers, type RisingWindow } from "@paperpulse/db";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { Segmented } from "@/components/segmented";
import { TrendingSection } from "@/components/trending-section";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { formatDateTime, formatDay, formatInteger, pathSegment } from "@/lib/format";
import { parseRisingParams, risingLimit } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rising" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const windowNames: Record<RisingWindow, string> = { "24h": "Last 24 hours", "7d": "Last 7 days" };

/** What is hot now: the papers that gained the most upvotes lately, by the snapshots. */
export default async function RisingPage({ searchParams }: Props) {
  const parsed = parseRisingParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, window } = parsed;
  const [rising, trending, facets] = await Promise.all([
    listRisingPapers(db, filters, { window, limit: risingLimit }),
    getLatestTrending(db, filters),
    getFacets(db),
  ]);
  const windowParam = window === "24h" ? undefined : window;
  const keep = filtersToQuery({ ...filters, orgs: [] });
  const { rows, asOf } = rising;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Rising</h1>
          <p className="muted">
            Upvotes gained over the {window === "24h" ? "24 hours" : "7 days"} before the newest capture
            {asOf ? ` (${formatDateTime(asOf)})` : ""}, from the stored snapshots. A paper first captured long
            after it was featured has no known gain and comes last.
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/rising.csv${filtersToQuery(filters, { window: windowParam })}`,
              label: "Rising CSV",
            },
            { href: `/api/export/trending.csv${filtersToQuery(filters)}`, label: "Trending CSV" },
          ]}
        />
      </div>
      <FilterBar path="/rising" filters={filters} facets={facets} keep={{ window: windowParam }} />
      <IssuesNotice issues={issues} />
      {filters.orgs.length > 0 ? <OrgCoverageNote filters={filters} /> : null}
      <Segmented
        label="Gained over"
        options={["24h", "7d"] as const}
        current={window}
        names={windowNames}
        href={(value) => `/rising${filtersToQuery(filters, { window: value === "24h" ? undefined : value })}`}
      />
      {rows.length === 0 ? (
        <EmptyState
          filtered={hasFilters(filters)}
          clearHref={`/rising${filtersToQuery({ orgs: [] }, { window: windowParam })}`}
        />
      ) : (
        <section className="card">
          <div className="table-wrap">
            <table className="papers rising">
              <caption className="visually-hidden">
                Papers by upvotes gained, {windowNames[window].toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Daily date</th>
                  <th scope="col" className="num" aria-sort={window === "24h" ? "descending" : undefined}>
                    Gained 24 h
                  </th>
                  <th scope="col" className="num" aria-sort={window === "7d" ? "descending" : undefined}>
                    Gained 7 days
                  </th>
                  <th scope="col" className="num">
                    Upvotes
                  </th>
                  <th scope="col" className="num">
                    Per hour since featured
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.id} data-paper-id={row.id}>
                    <td className="num">{index + 1}</td>
                    <td className="title">
                      <a href={`/papers/${pathSegment(row.id)}`}>{row.title}</a>
                      {row.dayRank === 1 ? (
                        <span className="badge" data-day-first>
                          #1 of the day
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {row.organization ? (
                        <a href={`/orgs/${pathSegment(row.organization)}${keep}`}>{row.organization}</a>
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                    <td>{formatDay(row.dailyDate)}</td>
                    <td className="num">{formatGain(row.gained24h)}</td>
                    <td className="num">{formatGain(row.gained7d)}</td>
                    <td className="num">{formatInteger(row.upvotes)}</td>
                    <td className="num">{row.perHour.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <TrendingSection trending={trending} filtered={hasFilters(filters)} />
    </>
  );
}

function formatGain(value: number | null): string {
  if (value === null) return "unknown";
  return value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
}
