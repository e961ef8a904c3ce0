import { getRun, listRunPages } from "@paperpulse/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ErrorCell, RunStatus } from "@/components/run-status";
import { Stat } from "@/components/stat";
import { TableHead } from "@/components/table-head";
import { formatBytes, formatDateTime, formatDuration, formatInteger, safeHttpUrl } from "@/lib/format";
import { getDb } from "@/server/db";

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
  const pages = await listRunPages(db, id);
  const runNow = (await searchParams).runNow;
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
      <section className="card">
        <h2>Pages</h2>
        {pages.length === 0 ? (
          <p className="muted">No page recorded{run.status === "running" ? " yet" : ""}.</p>
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
      </section>
    </>
  );
}
