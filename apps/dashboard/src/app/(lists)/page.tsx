import { getCompareSeries, getOverviewStats, getUpvoteSeries, listTopPapers } from "@paperpulse/db";
import { ChartFrame } from "@/components/chart-frame";
import { CompareFrame } from "@/components/compare-frame";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { PapersChart } from "@/components/papers-chart";
import { PapersTable } from "@/components/papers-table";
import { GroupBy } from "@/components/segmented";
import { Stat } from "@/components/stat";
import { type UpvoteChartPoint, UpvotesChart } from "@/components/upvotes-chart";
import { fillPeriods, formatPeriod, formatStat } from "@/lib/chart";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { fitGranularity, maxChartPoints } from "@/lib/fit-granularity";
import { formatDateTime, formatDay, formatInteger } from "@/lib/format";
import { holdsRisingDay, risingDays, stillRisingFrom } from "@/lib/still-rising";
import { parseOverviewParams } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";

const topLimit = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const parsed = parseOverviewParams(await searchParams);
  const db = await getDb();
  const facets = await getFacets(db);
  const { newestDay } = facets;
  const risingFrom = newestDay ? stillRisingFrom(newestDay) : null;
  await checkFilterValues(db, parsed);
  const { filters, issues } = parsed;
  const requested = parsed.granularity;
  const stats = await getOverviewStats(db, filters);
  // The chart is as fine as the matching papers' days allow: a long span is drawn by week or month.
  const span = stats.firstDay && stats.lastDay ? { first: stats.firstDay, last: stats.lastDay } : null;
  const fitted = fitGranularity(requested, span);
  const granularity = fitted.granularity;
  // Several organisations are drawn side by side, one line each, rather than summed into one series.
  const sideBySide = filters.orgs.length > 1;
  const [series, top, byOrg] = await Promise.all([
    getUpvoteSeries(db, filters, granularity),
    listTopPapers(db, { ...filters, limit: topLimit }),
    sideBySide ? getCompareSeries(db, filters, { by: "org", granularity }) : null,
  ]);
  const filled = fillPeriods(
    series,
    granularity,
    (date): UpvoteChartPoint => ({ date, papers: 0, upvotes: 0, median: null, p90: null }),
  );
  const query = filtersToQuery(filters);
  // Filters keep the granularity asked for: narrowing the dates then draws it.
  const keep = { granularity: requested === "day" ? undefined : requested };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="muted">
            Upvotes of Hugging Face Daily Papers by the day they were featured, latest counts.
          </p>
        </div>
        <ExportLinks
          links={[
            { href: `/api/export/papers.csv${query}`, label: "Papers CSV" },
            {
              href: `/api/export/daily.csv${filtersToQuery(filters, { granularity: requested })}`,
              label: "Series CSV",
            },
          ]}
        />
      </div>

      <FilterBar path="/" filters={filters} facets={facets} keep={keep} />
      <IssuesNotice issues={issues} />
      {filters.orgs.length > 0 ? <OrgCoverageNote filters={filters} /> : null}

      {stats.papers === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/" />
      ) : (
        <>
          <section className="stats" aria-label="Totals">
            <Stat label="papers tracked" value={formatInteger(stats.papers)} />
            <Stat label="organisations" value={formatInteger(stats.organizations)} />
            <Stat label="upvotes" value={formatInteger(stats.upvotes)} />
            <Stat
              label="last capture"
              value={stats.lastCaptureAt ? formatDateTime(stats.lastCaptureAt) : "—"}
              title={
                stats.firstDay && stats.lastDay
                  ? `${formatDay(stats.firstDay)} – ${formatDay(stats.lastDay)}`
                  : undefined
              }
            />
          </section>

          <div className="toolbar">
            <GroupBy
              options={["day", "week", "month"] as const}
              current={granularity}
              href={(value) =>
                `/${filtersToQuery(filters, { granularity: value === "day" ? undefined : value })}`
              }
            />
            <span className="muted small">
              {stats.firstDay && stats.lastDay
                ? `${formatDay(stats.firstDay)} – ${formatDay(stats.lastDay)}`
                : null}
            </span>
          </div>
          {fitted.coarsened ? (
            <p className="muted small" data-coarsened={granularity}>
              Drawn by {granularity}: {formatInteger(fitted.requestedPoints)} {requested}s are more than one
              chart shows well (at most {maxChartPoints} points). Narrow the dates to draw {requested}s; the
              series CSV has every {requested}.
            </p>
          ) : null}

          {byOrg ? (
            <>
              <p className="muted small" data-side-by-side>
                {byOrg.keys.length} organisations, each its own line.{" "}
                <a
                  href={`/compare${filtersToQuery(filters, { granularity: granularity === "month" ? undefined : granularity })}`}
                >
                  Compare them by share of papers →
                </a>
              </p>
              <CompareFrame
                id="upvotes-by-org"
                series={byOrg}
                labels={new Map(byOrg.keys.map((key) => [key, key]))}
                metric="upvotes"
                period={granularity}
              />
              <CompareFrame
                id="papers-by-org"
                series={byOrg}
                labels={new Map(byOrg.keys.map((key) => [key, key]))}
                metric="papers"
                period={granularity}
              />
            </>
          ) : (
            <>
              <ChartFrame
                id="upvotes"
                title={`Upvotes per ${granularity}`}
                description={`Total latest upvotes of the papers featured each ${granularity} (bars), with the median and 90th percentile per paper (lines).${risingFrom ? ` Papers featured from ${formatDay(risingFrom)} on are younger than ${risingDays} days and still gaining upvotes: their ${granularity}s are shaded.` : ""}`}
                table={
                  <DataTable
                    caption={`Upvotes per ${granularity}`}
                    columns={[
                      {
                        label:
                          granularity === "day" ? "Daily date" : granularity === "week" ? "Week" : "Month",
                      },
                      { label: "Papers", numeric: true },
                      { label: "Total upvotes", numeric: true },
                      { label: "Median", numeric: true },
                      { label: "90th percentile", numeric: true },
                      { label: "Still rising" },
                    ]}
                    rowKeys={series.map((p) => p.date)}
                    rows={series.map((p) => [
                      formatPeriod(p.date, granularity),
                      formatInteger(p.papers),
                      formatInteger(p.upvotes),
                      formatStat(p.median),
                      formatStat(p.p90),
                      risingFrom && holdsRisingDay(p.date, granularity, risingFrom) ? "yes" : "",
                    ])}
                  />
                }
              >
                <UpvotesChart data={filled} period={granularity} risingFrom={risingFrom} />
              </ChartFrame>

              <ChartFrame
                id="papers-per-period"
                title={`Papers per ${granularity}`}
                description={`How many papers were featured each ${granularity}.`}
                table={
                  <DataTable
                    caption={`Papers per ${granularity}`}
                    columns={[{ label: "Period" }, { label: "Papers", numeric: true }]}
                    rowKeys={series.map((p) => p.date)}
                    rows={series.map((p) => [formatPeriod(p.date, granularity), formatInteger(p.papers)])}
                  />
                }
              >
                <PapersChart
                  data={filled.map(({ date, papers }) => ({ date, papers }))}
                  period={granularity}
                />
              </ChartFrame>
            </>
          )}

          <section className="card">
            <div className="chart-head">
              <h2>
                Top papers{" "}
                <span className="muted">
                  ({Math.min(topLimit, stats.papers)} of {formatInteger(stats.papers)})
                </span>
              </h2>
              <a href={`/papers${query}`}>All matching papers →</a>
            </div>
            <PapersTable papers={top} filters={filters} caption="The period's most upvoted papers" />
          </section>
        </>
      )}
    </>
  );
}
