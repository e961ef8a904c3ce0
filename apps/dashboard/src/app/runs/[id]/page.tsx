import { countRunPages, getRun, listRunPages } from "@paperpulse/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssuesNotice } from "@/components/issues-notice";
import { Pager } from "@/components/pager";
import { ErrorCell, RunStatus } from "@/components/run-status";
import { Stat } from "@/components/stat";
import { TableHead } from "@/components/table-head";
import { type ParamIssue, readInteger, toSearchParams } from "@/lib/filters";
import { formatBytes, formatDateTime, formatDuration, formatInteger, safeHttpUrl } from "@/lib/format";
import { maxPage } from "@/lib/view-params";
import { getDb } from "@/server/db";

const pagesPerScreen = 100;

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A run id as the URL has it: a positive int4, else not a run. */
function parseRunId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRunId((await params).id);
  return { title: id ? `Run #${id}` : "Run" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const id = parseRunId((await params).id);
  if (id === null) notFound();
  const db = await getDb();
  const run = await getRun(db, id);
  if (!run) notFound();
  const query = await searchParams;
  // An import or a backfill records thousands of pages: they are shown a hundred at a time.
  const issues: ParamIssue[] = [];
  const page = readInteger(toSearchParams(query), "page", { min: 1, max: maxPage, fallback: 1 }, issues);
  const [pages, pageCount] = await Promise.all([
    listRunPages(db, id, { limit: pagesPerScreen, offset: (page - 1) * pagesPerScreen }),
    countRunPages(db, id),
  ]);
  const screens = Math.max(1, Math.ceil(pageCount / pagesPerScreen));
  const runNow = query.runNow;
  const targets = Array.isArray(run.plan.targets)
    ? run.plan.targets.filter((t) => typeof t === "string")
    : [];

  return (
    <>
      {run.status === "running" ? <meta httpEquiv="refresh" content="5" /> : null}
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="/runs">Runs</a> / #{run.id}
          </p>
          <h1>
            Run #{run.id} <RunStatus status={run.status} />
          </h1>
          <p className="muted">
            {run.command} · {run.trigger} · started {formatDateTime(run.startedAt)}
            {run.host ? ` on ${run.host}` : ""}
          </p>
        </div>
      </div>
      {runNow === "started" ? (
        <p className="notice" role="status" data-run-now-result="started">
          Run #{run.id} started.
          {run.status === "running" ? " This page refreshes every 5 seconds while it runs." : ""}
        </p>
      ) : runNow === "active" ? (
        <p className="notice" role="status" data-run-now-result="active">
          A run was already active, so no second one was started: this is it.
        </p>
      ) : null}
      <section className="stats" aria-label="Counts">
        <Stat
          label="pages"
          value={`${formatInteger(run.pagesTotal)}${run.pagesFailed ? ` (${run.pagesFailed} failed)` : ""}`}
        />
        <Stat label="items" value={formatInteger(run.items)} />
        <Stat label="new papers" value={formatInteger(run.newPapers)} />
        <Stat
          label="duration"
          value={formatDuration((run.finishedAt?.getTime() ?? Date.now()) - run.startedAt.getTime())}
        />
      </section>
      {run.error ? (
        <p className="notice error" role="status">
          {run.errorCode ? <code>{run.errorCode}</code> : null} {run.error}
        </p>
      ) : null}
      {targets.length > 0 ? <p className="muted small">Plan: {targets.join(", ")}</p> : null}
      <IssuesNotice issues={issues} />
      <section className="card">
        <h2>
          Pages <span className="muted">({formatInteger(pageCount)})</span>
        </h2>
        {pages.length === 0 ? (
          <p className="muted">
            {pageCount > 0 ? (
              <>
                There is no page {page}: <a href={`/runs/${run.id}?page=${screens}`}>go to the last one</a>.
              </>
            ) : (
              `No page recorded${run.status === "running" ? " yet" : ""}.`
            )}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="papers run-pages">
              <caption className="visually-hidden">Pages of run #{run.id}</caption>
              <TableHead
                columns={[
                  { label: "URL" },
                  { label: "Status", numeric: true },
                  { label: "Captured" },
                  { label: "Time", numeric: true },
                  { label: "Bytes", numeric: true },
                  { label: "Items", numeric: true },
                  { label: "Error" },
                ]}
              />
              <tbody>
                {pages.map((page) => {
                  const href = safeHttpUrl(page.url);
                  return (
                    <tr key={page.id} data-page-id={page.id}>
                      <td className="url">
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                            {page.url}
                          </a>
                        ) : (
                          page.url
                        )}
                      </td>
                      <td className="num">{page.statusCode ?? "—"}</td>
                      <td className="nowrap">{formatDateTime(page.capturedAt)}</td>
                      <td className="num">
                        {page.durationMs === null ? "—" : formatDuration(page.durationMs)}
                      </td>
                      <td className="num">{page.bytes === null ? "—" : formatBytes(page.bytes)}</td>
                      <td className="num">{formatInteger(page.items)}</td>
                      <ErrorCell code={page.errorCode} message={page.errorCode ? page.error : null} />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={screens} href={(n) => `/runs/${run.id}${n === 1 ? "" : `?page=${n}`}`} />
      </section>
    </>
  );
}
