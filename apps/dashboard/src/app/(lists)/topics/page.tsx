import { getTopicShares, listRisingKeywords, listTopics } from "@paperpulse/db";
import type { Metadata } from "next";
import { ChartFrame } from "@/components/chart-frame";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { FilterBar } from "@/components/filter-bar";
import { IssuesNotice } from "@/components/issues-notice";
import { OrgCoverageNote } from "@/components/org-coverage-note";
import { GroupBy, Segmented } from "@/components/segmented";
import { TableHead } from "@/components/table-head";
import { TopicShareChart } from "@/components/topic-share-chart";
import { formatPeriod, formatShare } from "@/lib/chart";
import { filtersToQuery, hasFilters } from "@/lib/filters";
import { formatDay, formatInteger } from "@/lib/format";
import { topicShareSeries } from "@/lib/topic-series";
import { keywordPeriods, orgGranularities, parseTopicsParams } from "@/lib/view-params";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ searchParams }: Props) {
  const parsed = parseTopicsParams(await searchParams);
  const db = await getDb();
  await checkFilterValues(db, parsed);
  const { filters, issues, granularity, top, period, minCount } = parsed;
  const [shares, rising, topics, facets] = await Promise.all([
    getTopicShares(db, filters, { granularity }),
    listRisingKeywords(db, filters, { period, minCount, limit: 25 }),
    listTopics(db, filters),
    getFacets(db),
  ]);
  const labels = new Map(topics.map((t) => [t.slug, t.label]));
  const { rows, series } = topicShareSeries(shares, labels, granularity, top);
  const view = {
    granularity: granularity === "month" ? undefined : granularity,
    top: top === 8 ? undefined : String(top),
    period: period === "month" ? undefined : period,
    minCount: minCount === 3 ? undefined : String(minCount),
  };
  const link = (extra: Partial<typeof view>) => `/topics${filtersToQuery(filters, { ...view, ...extra })}`;
  const papersIn = shares.periods.reduce((sum, p) => sum + p.papers, 0);
  const withTopics = topics.filter((t) => t.papers > 0);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Topics</h1>
          <p className="muted">
            Broad topics from the taxonomy (matched on title, abstract and keywords) and the keywords on the
            rise.
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/topics.csv${filtersToQuery(filters, { granularity })}`,
              label: "Topic shares CSV",
            },
            {
              href: `/api/export/keywords.csv${filtersToQuery(filters, { period, minCount: String(minCount) })}`,
              label: "Rising keywords CSV",
            },
          ]}
        />
      </div>
      <FilterBar path="/topics" filters={filters} facets={facets} keep={view} />
      <IssuesNotice issues={issues} />
      {filters.orgs.length > 0 ? <OrgCoverageNote filters={filters} /> : null}
      {papersIn === 0 ? (
        <EmptyState filtered={hasFilters(filters)} clearHref="/topics" />
      ) : (
        <>
          <div className="toolbar">
            <GroupBy
              options={orgGranularities}
              current={granularity}
              href={(value) => link({ granularity: value === "month" ? undefined : value })}
            />
            <Segmented
              label="Topics shown"
              options={["5", "8", "12", "20"] as const}
              current={String(top) as "5" | "8" | "12" | "20"}
              names={{ 5: "Top 5", 8: "Top 8", 12: "Top 12", 20: "All" }}
              href={(value) => link({ top: value === "8" ? undefined : value })}
            />
          </div>
          {series.length === 0 ? (
            <section className="empty" data-empty>
              <h2>No topics on these papers</h2>
              <p className="muted">
                Topics are assigned when papers are stored; run <code>pnpm scrape retopic</code> to assign
                them to papers stored before.
              </p>
            </section>
          ) : (
            <ChartFrame
              id="topic-shares"
              title={`Share of papers per topic, by ${granularity}`}
              description={`Of the ${formatInteger(papersIn)} matching papers of each ${granularity}, the share that has each topic (the ${series.length} topics with the most papers; a paper can have several, so shares need not add up to 100%).`}
              table={
                <DataTable
                  caption="Share of papers per topic and period"
                  columns={[
                    { label: "Period" },
                    { label: "Papers", numeric: true },
                    ...series.map((s) => ({ label: s.label, numeric: true })),
                  ]}
                  rowKeys={shares.periods.map((p) => p.period)}
                  rows={shares.periods.map((p) => {
                    const row = rows.find((r) => r.date === p.period);
                    return [
                      formatPeriod(p.period, granularity),
                      formatInteger(p.papers),
                      ...series.map((s) => formatShare(Number(row?.[s.key] ?? 0))),
                    ];
                  })}
                />
              }
            >
              <TopicShareChart data={rows} series={series} period={granularity} />
            </ChartFrame>
          )}

          <div className="two-columns">
            <section className="card" aria-labelledby="topics-title">
              <h2 id="topics-title">Topics</h2>
              <p className="muted small">Matching papers per topic; open one to see its papers.</p>
              <div className="table-wrap">
                <table className="data" data-topics>
                  <caption className="visually-hidden">Papers per topic</caption>
                  <TableHead
                    columns={[
                      { label: "Topic" },
                      { label: "Papers", numeric: true },
                      { label: "Share", numeric: true },
                    ]}
                  />
                  <tbody>
                    {withTopics.map((topic) => (
                      <tr key={topic.slug} data-topic={topic.slug}>
                        <td>
                          <a
                            href={`/papers${filtersToQuery({ ...filters, topics: [topic.slug] })}`}
                            title={topic.description ?? undefined}
                          >
                            {topic.label}
                          </a>
                        </td>
                        <td className="num">{formatInteger(topic.papers)}</td>
                        <td className="num">{formatShare(topic.papers / papersIn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section className="card" aria-labelledby="rising-title">
              <div className="chart-head">
                <h2 id="rising-title">Rising keywords</h2>
                <Segmented
                  label="Window"
                  options={keywordPeriods}
                  current={period}
                  names={{ week: "Week", month: "Month", quarter: "Quarter" }}
                  href={(value) => link({ period: value === "month" ? undefined : value })}
                />
              </div>
              <p className="muted small">
                {formatDay(rising.current.from)} – {formatDay(rising.current.to)} (
                {formatInteger(rising.current.papers)} papers) against {formatDay(rising.previous.from)} –{" "}
                {formatDay(rising.previous.to)} ({formatInteger(rising.previous.papers)}); keywords on at
                least {minCount} papers, ranked by the growth of their share.{" "}
                <a href={link({ minCount: minCount === 3 ? "5" : undefined })}>
                  {minCount === 3 ? "Only keywords on 5 or more papers" : "Keywords on 3 or more papers"}
                </a>
              </p>
              {rising.keywords.length === 0 ? (
                <p className="muted" data-empty>
                  No keyword rose in this window (keywords come from Hugging Face&apos;s ai_keywords, from
                  March 2025 on).
                </p>
              ) : (
                <div className="table-wrap">
                  <table className="data" data-keywords>
                    <caption className="visually-hidden">Rising keywords</caption>
                    <TableHead
                      columns={[
                        { label: "Keyword" },
                        { label: "Papers", numeric: true },
                        { label: "Before", numeric: true },
                        { label: "Growth of share", numeric: true },
                      ]}
                    />
                    <tbody>
                      {rising.keywords.map((keyword) => (
                        <tr key={keyword.keyword}>
                          <td>
                            <a
                              href={`/papers${filtersToQuery({ ...filters, keyword: keyword.keyword, from: rising.current.from, to: rising.current.to })}`}
                              data-keyword-papers={keyword.papers}
                            >
                              {keyword.keyword}
                            </a>
                          </td>
                          <td className="num">
                            {formatInteger(keyword.papers)}{" "}
                            <span className="muted">({formatShare(keyword.share)})</span>
                          </td>
                          <td className="num">
                            {formatInteger(keyword.previousPapers)}{" "}
                            <span className="muted">({formatShare(keyword.previousShare)})</span>
                          </td>
                          <td className="num">
                            {keyword.growth === null ? "new" : `+${formatShare(keyword.growth)}`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
