import { getOrganization, getUpvoteSeries, listPapers } from "@paperpulse/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartFrame } from "@/components/chart-frame";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { OrgTopics } from "@/components/org-topics";
import { PapersTable } from "@/components/papers-table";
import { Stat } from "@/components/stat";
import { type UpvoteChartPoint, UpvotesChart } from "@/components/upvotes-chart";
import { fillPeriods, formatPeriod, formatStat } from "@/lib/chart";
import { filtersToQuery, maxOrgLength, parseFilters } from "@/lib/filters";
import { formatDay, formatInteger } from "@/lib/format";
import { isPathName } from "@/lib/path-names";
import { holdsRisingDay, risingDays, stillRisingFrom } from "@/lib/still-rising";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: isPathName(name, maxOrgLength) ? name : "Organisation" };
}

/**
 * The page receives its segment percent-encoded ("%2Borg-plus" for /orgs/%2Borg-plus; generateMetadata gets it
 * decoded, vercel/next.js#95343): decoded here, else no organisation could have a name that links encode.
 */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

export default async function OrgPage({ params, searchParams }: Props) {
  const name = decodeName((await params).name);
  if (!isPathName(name, maxOrgLength)) notFound();
  const db = await getDb();
  const org = await getOrganization(db, name);
  if (!org) notFound();
  // The shared filters apply (date range, topic, text, upvotes); the organisation is this one.
  const parsed = parseFilters(await searchParams);
  await checkFilterValues(db, parsed);
  const filters = { ...parsed.filters, orgs: [org.name] };
  const [papers, trend, { newestDay }] = await Promise.all([
    listPapers(db, filters, { sort: { key: "upvotes", dir: "desc" }, page: 1, pageSize: 25 }),
    getUpvoteSeries(db, filters, "month"),
    getFacets(db),
  ]);
  const risingFrom = newestDay ? stillRisingFrom(newestDay) : null;
  const filled = fillPeriods(
    trend,
    "month",
    (date): UpvoteChartPoint => ({ date, papers: 0, upvotes: 0, median: null, p90: null }),
  );
  const query = filtersToQuery(filters);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href={`/orgs${filtersToQuery({ ...parsed.filters, orgs: [] })}`}>Organisations</a> / {org.name}
          </p>
          <h1>{org.fullname ?? org.name}</h1>
          <p className="muted">
            <a
              href={`https://huggingface.co/${encodeURIComponent(org.name)}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              huggingface.co/{org.name}
            </a>
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/papers.csv${filtersToQuery(filters, { sort: "-upvotes" })}`,
              label: "Papers CSV",
            },
            {
              href: `/api/export/daily.csv${filtersToQuery(filters, { granularity: "month" })}`,
              label: "Trend CSV",
            },
          ]}
        />
      </div>
      <IssuesNotice issues={parsed.issues} />
      <OrgCoverageNote filters={filters} />
      <section className="stats" aria-label="Totals, all time">
        <Stat label="papers, all time" value={formatInteger(org.papers)} />
        <Stat label="upvotes, all time" value={formatInteger(org.upvotes)} />
        <Stat label="first featured" value={org.firstDay ? formatDay(org.firstDay) : "—"} />
        <Stat label="last featured" value={org.lastDay ? formatDay(org.lastDay) : "—"} />
      </section>
      {papers.total === 0 ? (
        <EmptyState filtered={true} clearHref={`/orgs/${encodeURIComponent(org.name)}`} />
      ) : (
        <>
          <ChartFrame
            id="org-trend"
            title="Trend per month"
            description={`Upvotes of ${org.name}'s papers per month (bars), with the median and 90th percentile per paper (lines).${risingFrom ? ` Papers featured from ${formatDay(risingFrom)} on are younger than ${risingDays} days and still gaining upvotes: their months are shaded.` : ""}`}
            table={
              <DataTable
                caption="Papers and upvotes per month"
                columns={[
                  { label: "Month" },
                  { label: "Papers", numeric: true },
                  { label: "Total upvotes", numeric: true },
                  { label: "Median", numeric: true },
                  { label: "90th percentile", numeric: true },
                  { label: "Still rising" },
                ]}
                rowKeys={trend.map((p) => p.date)}
                rows={trend.map((p) => [
                  formatPeriod(p.date, "month"),
                  formatInteger(p.papers),
                  formatInteger(p.upvotes),
                  formatStat(p.median),
                  formatStat(p.p90),
                  risingFrom && holdsRisingDay(p.date, "month", risingFrom) ? "yes" : "",
                ])}
              />
            }
          >
            <UpvotesChart data={filled} period="month" risingFrom={risingFrom} />
          </ChartFrame>
          <OrgTopics db={db} filters={filters} papers={papers.total} />
          <section className="card">
            <div className="chart-head">
              <h2>
                Papers{" "}
                <span className="muted">
                  (top {papers.rows.length} of {formatInteger(papers.total)} by upvotes)
                </span>
              </h2>
              <a href={`/papers${query}`}>All {formatInteger(papers.total)} in the papers table →</a>
            </div>
            <PapersTable
              papers={papers.rows}
              filters={filters}
              caption={`${org.name}'s most upvoted papers`}
            />
          </section>
        </>
      )}
    </>
  );
}
