import { getPaperCurves, getPaperDetail } from "@paperpulse/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartFrame } from "@/components/chart-frame";
import { DataTable } from "@/components/data-table";
import { ExportLinks } from "@/components/export-links";
import { PaperCurveChart } from "@/components/paper-curve-chart";
import { Stat } from "@/components/stat";
import { authorPath } from "@/lib/author-params";
import { formatHours, formatStat } from "@/lib/chart";
import { describeCurve, formatReach, mergeCurves, rankChanges } from "@/lib/curves";
import { filtersToQuery } from "@/lib/filters";
import {
  arxivUrl,
  formatDateTime,
  formatDay,
  formatInteger,
  hfPaperUrl,
  pathSegment,
  safeHttpUrl,
} from "@/lib/format";
import { isPathName, maxPaperIdLength } from "@/lib/path-names";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: isPathName(id, maxPaperIdLength) ? `Paper ${id}` : "Paper" };
}

export default async function PaperPage({ params }: Props) {
  const { id } = await params;
  if (!isPathName(id, maxPaperIdLength)) notFound();
  const db = await getDb();
  const paper = await getPaperDetail(db, id);
  if (!paper) notFound();
  const curves = await getPaperCurves(db, id);
  const ranks = rankChanges(curves.points);
  const github = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  const arxiv = arxivUrl(paper.id);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="/papers">Papers</a> / {paper.id}
          </p>
          <h1 className="paper-title">{paper.title}</h1>
          <p className="muted">
            Featured {formatDay(paper.dailyDate)}
            {paper.organization ? (
              <>
                {" "}
                by{" "}
                <a href={`/orgs/${pathSegment(paper.organization)}`}>
                  {paper.organizationFullname ?? paper.organization}
                </a>
              </>
            ) : null}
            {paper.submittedBy ? <> · submitted by {paper.submittedBy}</> : null}
            {paper.dayRank === 1 ? (
              <span className="badge" data-day-first>
                #1 of the day
              </span>
            ) : null}
          </p>
        </div>
        <ExportLinks
          links={[
            {
              href: `/api/export/snapshots.csv?paper=${encodeURIComponent(paper.id)}`,
              label: "Snapshots CSV",
            },
          ]}
        />
      </div>

      <ul className="link-row" aria-label="Elsewhere">
        <li>
          <a href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
            Hugging Face
          </a>
        </li>
        {arxiv ? (
          <li>
            <a href={arxiv} target="_blank" rel="noopener noreferrer">
              arXiv
            </a>
          </li>
        ) : null}
        {github ? (
          <li>
            <a href={github} target="_blank" rel="noopener noreferrer nofollow">
              GitHub{paper.githubStars !== null ? ` (${formatInteger(paper.githubStars)} stars)` : ""}
            </a>
          </li>
        ) : null}
        {project ? (
          <li>
            <a href={project} target="_blank" rel="noopener noreferrer nofollow">
              Project page
            </a>
          </li>
        ) : null}
      </ul>

      <section className="stats" aria-label="Counts">
        <Stat label="upvotes" value={formatInteger(paper.upvotes)} />
        <Stat label="comments" value={formatInteger(paper.comments)} />
        <Stat label="to 50% of upvotes" value={formatReach(curves, "hoursTo50")} />
        <Stat label="to 90% of upvotes" value={formatReach(curves, "hoursTo90")} />
      </section>

      {curves.points.length === 0 ? (
        <section className="empty">
          <h2>No captures of this paper</h2>
        </section>
      ) : (
        (["upvotes", "comments"] as const).map((metric) => (
          <ChartFrame
            key={metric}
            id={`curve-${metric}`}
            title={metric === "upvotes" ? "Upvotes since featured" : "Comments since featured"}
            description={describeCurve(curves, metric, paper.dailyDate)}
            table={
              <DataTable
                caption={`${metric} by hours since featured`}
                columns={[
                  { label: "Hours since featured", numeric: true },
                  { label: "This paper", numeric: true },
                  { label: "Day's median", numeric: true },
                ]}
                rows={mergeCurves(curves.points, curves.median, metric, curves.gaps).map((row) => [
                  row.mark === "confirmed"
                    ? `${formatHours(row.hours)} (last confirmed)`
                    : formatHours(row.hours),
                  row.mark === "gap" ? "no captures" : row.paper === null ? "" : formatInteger(row.paper),
                  row.median === null ? "" : formatStat(row.median),
                ])}
              />
            }
          >
            <PaperCurveChart
              data={mergeCurves(curves.points, curves.median, metric, curves.gaps)}
              metric={metric}
              gaps={curves.gaps}
            />
          </ChartFrame>
        ))
      )}

      {ranks.length > 0 ? (
        <section className="card" aria-labelledby="rank-title" data-rank-history>
          <h2 id="rank-title">Place in Hugging Face&apos;s listing</h2>
          <p className="muted small">
            Its place at the first capture and at each change after it
            {paper.dayRank !== null ? `; by upvotes it is now #${paper.dayRank} of its day's papers` : ""}.
          </p>
          <DataTable
            caption="Place in the listing by hours since featured"
            columns={[
              { label: "Hours since featured", numeric: true },
              { label: "Place", numeric: true },
            ]}
            rows={ranks.map((change) => [formatHours(change.hours), `#${change.rank}`])}
          />
        </section>
      ) : null}

      <section className="card prose">
        <h2>Abstract</h2>
        {paper.summary ? (
          <p className="summary">{paper.summary}</p>
        ) : (
          <p className="muted">No abstract captured.</p>
        )}
        {paper.aiSummary ? (
          <>
            <h3>AI summary (Hugging Face)</h3>
            <p>{paper.aiSummary}</p>
          </>
        ) : null}
        {paper.keywords.length > 0 ? (
          <>
            <h3>Keywords</h3>
            {/* Hugging Face's keywords as normalised and counted: each lists the papers carrying it. */}
            <ul className="chips" aria-label="Keywords">
              {[...new Set(paper.keywords)].map((keyword) => (
                <li key={keyword}>
                  <a className="chip" href={`/papers${filtersToQuery({ orgs: [], keyword })}`}>
                    {keyword}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {paper.authors.length > 0 ? (
          <>
            <h3>Authors</h3>
            {/* Each author's page: by their account when the listing names one, else by their name. */}
            <ul className="author-list" aria-label="Authors">
              {paper.authors
                .map((author, position) => ({ ...author, position }))
                .map((author) => (
                  <li key={author.position}>
                    <a href={authorPath({ kind: author.hfUser ? "user" : "name", ...author })}>
                      {author.name}
                    </a>
                  </li>
                ))}
            </ul>
          </>
        ) : null}
        <p className="muted small">
          First seen {formatDateTime(paper.firstSeenAt)} · last seen {formatDateTime(paper.lastSeenAt)}
          {paper.publishedAt ? <> · published {formatDateTime(paper.publishedAt)}</> : null}
        </p>
      </section>
    </>
  );
}
