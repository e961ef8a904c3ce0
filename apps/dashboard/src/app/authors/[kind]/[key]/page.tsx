import {
  type AuthorRef,
  getAuthor,
  getAuthorActivity,
  listAuthorPapers,
  listCoauthors,
} from "@paperpulse/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AuthorOrganizations } from "@/components/author-organizations";
import { ChartFrame } from "@/components/chart-frame";
import { CoauthorsTable } from "@/components/coauthors-table";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { IssuesNotice } from "@/components/issues-notice";
import { PapersChart, type PapersPoint } from "@/components/papers-chart";
import { PapersTable } from "@/components/papers-table";
import { Stat } from "@/components/stat";
import {
  authorPapersShown,
  authorParam,
  authorPath,
  coauthorsShown,
  readAuthorSegments,
} from "@/lib/author-params";
import { fillPeriods, formatPeriod } from "@/lib/chart";
import { filtersToQuery, hasFilters, parseFilters } from "@/lib/filters";
import { formatDay, formatInteger } from "@/lib/format";
import { getDb } from "@/server/db";
import { checkFilterValues } from "@/server/topics";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ kind: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title and the page look the author up once per request.
const loadAuthor = cache(async (kind: string, key: string) => {
  const ref = readAuthorSegments(kind, key);
  return ref ? { ref, author: await getAuthor(await getDb(), ref) } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, key } = await params;
  return { title: (await loadAuthor(kind, key))?.author?.name ?? "Author" };
}

/** One author: their totals, papers per month, organisations, co-authors and papers, with the shared filters. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const { kind, key } = await params;
  const found = await loadAuthor(kind, key);
  if (!found?.author) notFound();
  const { author } = found;
  // Links name the author as the views show them, whatever spelling the URL used.
  const ref: AuthorRef =
    author.kind === "user" && author.hfUser ? { kind: "user", value: author.hfUser } : found.ref;
  const db = await getDb();
  const parsed = parseFilters(await searchParams);
  await checkFilterValues(db, parsed);
  const { filters } = parsed;
  const [activity, papers, coauthors] = await Promise.all([
    getAuthorActivity(db, ref, filters),
    listAuthorPapers(db, ref, filters, { limit: authorPapersShown }),
    listCoauthors(db, ref, filters, { limit: coauthorsShown }),
  ]);
  const months: PapersPoint[] = activity.months.map((m) => ({ date: m.month, papers: m.papers }));
  const filled = fillPeriods(months, "month", (date) => ({ date, papers: 0 }));
  const filtered = hasFilters(filters);
  const query = filtersToQuery(filters);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href={`/authors${query}`}>Authors</a> / {author.name}
          </p>
          <h1>{author.name}</h1>
          <p className="muted">
            {author.hfUser ? (
              <a
                href={`https://huggingface.co/${encodeURIComponent(author.hfUser)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                huggingface.co/{author.hfUser}
              </a>
            ) : (
              "Listed without a Hugging Face account: these are the papers listing this name without one."
            )}
            {author.otherNames.length > 0 ? (
              <> · also written {author.otherNames.slice(0, 5).join(", ")}</>
            ) : null}
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/author-papers.csv${filtersToQuery(filters, authorParam(ref))}`,
              label: "Papers CSV",
            },
          ]}
        />
      </div>
      <IssuesNotice issues={parsed.issues} />
      <section className="stats" aria-label="Totals, all time">
        <Stat label="papers, all time" value={formatInteger(author.papers)} />
        <Stat label="upvotes, all time" value={formatInteger(author.upvotes)} />
        <Stat label="first featured" value={formatDay(author.firstDay)} />
        <Stat label="last featured" value={formatDay(author.lastDay)} />
      </section>
      {filtered ? (
        <p className="muted" data-author-matching={activity.papers}>
          {formatInteger(activity.papers)} of their papers ({formatInteger(activity.upvotes)} upvotes) match
          the filters. <a href={authorPath(ref)}>All their papers</a>
        </p>
      ) : null}
      {activity.papers === 0 ? (
        <EmptyState filtered={true} clearHref={authorPath(ref)} />
      ) : (
        <>
          <ChartFrame
            id="author-months"
            title="Papers per month"
            description={`${author.name}'s papers per month of their daily dates${filtered ? ", among those matching the filters" : ""}; the data table adds their upvotes.`}
            table={
              <DataTable
                caption="Papers and upvotes per month"
                columns={[
                  { label: "Month" },
                  { label: "Papers", numeric: true },
                  { label: "Upvotes", numeric: true },
                ]}
                rowKeys={activity.months.map((m) => m.month)}
                rows={activity.months.map((m) => [
                  formatPeriod(m.month, "month"),
                  formatInteger(m.papers),
                  formatInteger(m.upvotes),
                ])}
              />
            }
          >
            <PapersChart data={filled} period="month" />
          </ChartFrame>
          <div className="two-columns">
            <AuthorOrganizations
              organizations={activity.organizations}
              papers={activity.papers}
              filters={filters}
            />
            <CoauthorsTable name={author.name} coauthors={coauthors} filters={filters} />
          </div>
          <section className="card" aria-labelledby="author-papers-title">
            <div className="chart-head">
              <h2 id="author-papers-title">
                Papers{" "}
                <span className="muted">
                  {papers.length < activity.papers
                    ? `(newest ${formatInteger(papers.length)} of ${formatInteger(activity.papers)}; the CSV has all)`
                    : `(${formatInteger(activity.papers)}, newest first)`}
                </span>
              </h2>
            </div>
            <PapersTable
              papers={papers}
              filters={filters}
              caption={`${author.name}'s papers, newest first`}
            />
          </section>
        </>
      )}
    </>
  );
}
