import type { Metadata } from "next";
import { CompareFrame, metricNames } from "@/components/compare-frame";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { GroupBy, Segmented } from "@/components/segmented";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { compareBys, compareMetrics, orgGranularities, parseCompareParams } from "@/lib/view-params";
import { loadCompare } from "@/server/compare";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const byNames = { org: "Organisations", topic: "Topics" } as const;

/** Organisations, or topics, side by side: one line each on shared axes, for the ones picked in the filters. */
export default async function ComparePage({ searchParams }: Props) {
  const parsed = parseCompareParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, by, metric, granularity } = parsed;
  const [{ series, defaulted, labels }, facets] = await Promise.all([loadCompare(db, parsed), getFacets(db)]);
  const view = {
    by: by === "org" ? undefined : by,
    metric: metric === "papers" ? undefined : metric,
    granularity: granularity === "month" ? undefined : granularity,
  };
  const link = (extra: Partial<typeof view>) => `/compare${filtersToQuery(filters, { ...view, ...extra })}`;
  const what = by === "org" ? "organisations" : "topics";
  const shareOf = by === "org" ? "the papers naming an organisation" : "all matching papers";

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Compare</h1>
          <p className="muted">
            Pick {what} in the filters below to see one line each on the same axes: papers, upvotes, or share
            of {shareOf} in each {granularity}.
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/compare.csv${filtersToQuery(filters, { by, granularity })}`,
              label: "Compare CSV",
            },
          ]}
        />
      </div>
      <FilterBar path="/compare" filters={filters} facets={facets} keep={view} />
      <IssuesNotice issues={issues} />
      {by === "org" ? <OrgCoverageNote filters={filters} /> : null}
      <div className="toolbar">
        <Segmented
          label="Compare"
          options={compareBys}
          current={by}
          names={byNames}
          href={(value) => link({ by: value === "org" ? undefined : value })}
        />
        <Segmented
          label="Measure"
          options={compareMetrics}
          current={metric}
          names={metricNames}
          href={(value) => link({ metric: value === "papers" ? undefined : value })}
        />
        <GroupBy
          options={orgGranularities}
          current={granularity}
          href={(value) => link({ granularity: value === "month" ? undefined : value })}
        />
      </div>
      {defaulted && series.keys.length > 0 ? (
        <p className="muted small" data-compare-default>
          Nothing picked yet: these are the {series.keys.length} {what} with the most matching papers. Add or
          remove {what} with the filters.
        </p>
      ) : null}
      {series.periods.length === 0 || series.keys.length === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/compare" />
      ) : (
        <CompareFrame id="compare" series={series} labels={labels} metric={metric} period={granularity} />
      )}
    </>
  );
}
