import { getOrgActivity, listOrgLeaderboard } from "@paperpulse/db";
import type { Metadata } from "next";
import { ChartFrame } from "@/components/chart-frame";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgActivityChart } from "@/components/org-activity-chart";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { GroupBy, Segmented } from "@/components/segmented";
import { TableHead } from "@/components/table-head";
import { formatPeriod, formatShare, formatStat } from "@/lib/chart";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { formatInteger, pathSegment } from "@/lib/format";
import { stackOrgActivity } from "@/lib/org-series";
import { orgBoardSorts, orgGranularities, parseOrgsParams } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisations" };

const boardLimit = 50;
const sortNames = { papers: "Papers", upvotes: "Upvotes", median: "Median", top10: "Top-10 share" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrgsPage({ searchParams }: Props) {
  const parsed = parseOrgsParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, granularity, top, sort } = parsed;
  const [activity, board, facets] = await Promise.all([
    getOrgActivity(db, filters, { granularity, top }),
    listOrgLeaderboard(db, filters, { limit: boardLimit, sort }),
    getFacets(db),
  ]);
  const { rows, series } = stackOrgActivity(activity, granularity);
  const shown = activity.rows.filter((row) => row.org !== null).reduce((sum, row) => sum + row.papers, 0);
  const attributed = activity.rows.reduce((sum, row) => sum + row.papers, 0);
  const view = {
    granularity: granularity === "month" ? undefined : granularity,
    sort: sort === "papers" ? undefined : sort,
    top: top === 8 ? undefined : String(top),
  };
  const link = (extra: Partial<typeof view>) => `/orgs${filtersToQuery(filters, { ...view, ...extra })}`;
  const orgQuery = filtersToQuery({ ...filters, orgs: [] });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Organisations</h1>
          <p className="muted">
            Who publishes the most, and whose papers get the upvotes, over the chosen period.
          </p>
        </div>
        <ExportLinks
          links={[
            { href: `/api/export/orgs.csv${filtersToQuery(filters, { sort })}`, label: "Leaderboard CSV" },
          ]}
        />
      </div>
      <FilterBar path="/orgs" filters={filters} facets={facets} keep={view} />
      <IssuesNotice issues={issues} />
      <OrgCoverageNote filters={filters} />
      {activity.rows.length === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/orgs" />
      ) : (
        <>
          <div className="toolbar">
            <GroupBy
              options={orgGranularities}
              current={granularity}
              href={(value) => link({ granularity: value === "month" ? undefined : value })}
            />
            <Segmented
              label="Organisations shown"
              options={["5", "8", "12"] as const}
              current={String(top) as "5" | "8" | "12"}
              names={{ 5: "Top 5", 8: "Top 8", 12: "Top 12" }}
              href={(value) => link({ top: value === "8" ? undefined : value })}
            />
          </div>
          <ChartFrame
            id="org-activity"
            title={`Papers per ${granularity} by organisation`}
            description={`The ${activity.orgs.length} organisations with the most matching papers, stacked: ${formatInteger(shown)} of the ${formatInteger(attributed)} papers that name an organisation.`}
            table={
              <DataTable
                caption="Papers per period and organisation"
                columns={[{ label: "Period" }, ...series.map((s) => ({ label: s.label, numeric: true }))]}
                rowKeys={rows.map((r) => r.date)}
                rows={rows
                  .filter((r) => series.some((s) => Number(r[s.key]) > 0))
                  .map((r) => [
                    formatPeriod(r.date, granularity),
                    ...series.map((s) => formatInteger(Number(r[s.key]))),
                  ])}
              />
            }
          >
            <OrgActivityChart data={rows} series={series} period={granularity} />
          </ChartFrame>

          <section className="card" aria-labelledby="leaderboard-title">
            <div className="chart-head">
              <div>
                <h2 id="leaderboard-title">Leaderboard</h2>
                <p className="muted small">
                  Top-10 share: the places in their days&apos; top 10 (by upvotes, among every paper of the
                  day) that their papers took, over the top-10 places of the days they published on.
                </p>
              </div>
              <Segmented
                label="Rank by"
                options={orgBoardSorts}
                current={sort}
                names={sortNames}
                href={(value) => link({ sort: value === "papers" ? undefined : value })}
              />
            </div>
            <div className="table-wrap">
              <table className="papers leaderboard">
                <caption className="visually-hidden">
                  Organisations ranked by {sortNames[sort].toLowerCase()}
                </caption>
                <TableHead
                  columns={[
                    { label: "#", numeric: true },
                    { label: "Organisation" },
                    { label: "Papers", numeric: true },
                    { label: "Upvotes", numeric: true },
                    { label: "Median upvotes", numeric: true },
                    { label: "In their day's top 10", numeric: true },
                    { label: "Top-10 share", numeric: true },
                  ]}
                />
                <tbody>
                  {board.map((row, index) => (
                    <tr key={row.name} data-org={row.name}>
                      <td className="num muted">{index + 1}</td>
                      <td className="title">
                        {/* A group has no page of its own: its link lists its papers. */}
                        <a
                          href={
                            filters.groups
                              ? `/papers${filtersToQuery({ ...filters, orgs: [row.name] })}`
                              : `/orgs/${pathSegment(row.name)}${orgQuery}`
                          }
                        >
                          {row.name}
                        </a>
                        {row.fullname && row.fullname !== row.name ? (
                          <span className="paper-id">{row.fullname}</span>
                        ) : null}
                      </td>
                      <td className="num">{formatInteger(row.papers)}</td>
                      <td className="num">{formatInteger(row.upvotes)}</td>
                      <td className="num">{formatStat(row.medianUpvotes)}</td>
                      <td className="num">{formatInteger(row.top10Papers)}</td>
                      <td className="num">{formatShare(row.top10Share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
