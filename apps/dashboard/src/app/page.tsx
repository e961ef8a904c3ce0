import { getDailyUpvotes, listOrganizations, listTopPapers } from "@paperpulse/db";
import { FilterBar } from "@/components/filter-bar";
import { PapersTable } from "@/components/papers-table";
import { Stat } from "@/components/stat";
import { UpvotesChart } from "@/components/upvotes-chart";
import { describeIssues, filtersToQuery, parseFilters } from "@/lib/filters";
import { formatDay, formatInteger } from "@/lib/format";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const topLimit = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const { filters, issues } = parseFilters(await searchParams);
  const db = await getDb();
  const [daily, top, organizations] = await Promise.all([
    getDailyUpvotes(db, filters),
    listTopPapers(db, { ...filters, limit: topLimit }),
    listOrganizations(db),
  ]);
  const filtered = filters.orgs.length > 0 || Boolean(filters.from) || Boolean(filters.to);
  const totalPapers = daily.reduce((sum, day) => sum + day.papers, 0);
  const totalUpvotes = daily.reduce((sum, day) => sum + day.upvotes, 0);
  const firstDay = daily[0]?.date;
  const lastDay = daily.at(-1)?.date;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="muted">
            Upvotes of Hugging Face Daily Papers by the day they were featured, latest counts.
          </p>
        </div>
        {totalPapers > 0 ? (
          <a className="button" href={`/api/export/papers.csv${filtersToQuery(filters)}`} download>
            Export CSV
          </a>
        ) : null}
      </div>

      <FilterBar path="/" filters={filters} organizations={organizations} />

      {issues.length > 0 ? (
        <p className="notice" role="status">
          Ignored invalid filters: {describeIssues(issues)}
        </p>
      ) : null}

      {totalPapers === 0 ? (
        <section className="empty">
          {filtered ? (
            <>
              <h2>No papers match these filters</h2>
              <p className="muted">
                Try a wider date range or other organisations. <a href="/">Clear all filters</a>
              </p>
            </>
          ) : (
            <>
              <h2>No papers yet</h2>
              <p className="muted">
                Import recorded listings with <code>pnpm scrape import PATH</code> or scrape a day with{" "}
                <code>pnpm scrape day YYYY-MM-DD</code>, then reload.
              </p>
            </>
          )}
        </section>
      ) : (
        <>
          <section className="stats" aria-label="Totals">
            <Stat label="papers" value={formatInteger(totalPapers)} />
            <Stat label="upvotes" value={formatInteger(totalUpvotes)} />
            <Stat label="days with papers" value={formatInteger(daily.length)} />
            <Stat
              label="range"
              value={firstDay && lastDay ? `${formatDay(firstDay)} – ${formatDay(lastDay)}` : "—"}
            />
          </section>

          <section className="card">
            <h2>Upvotes per day</h2>
            <UpvotesChart data={daily} />
          </section>

          <section className="card">
            <h2>
              Top papers{" "}
              <span className="muted">
                ({Math.min(topLimit, totalPapers)} of {formatInteger(totalPapers)})
              </span>
            </h2>
            <PapersTable papers={top} filters={filters} />
          </section>
        </>
      )}
    </>
  );
}
