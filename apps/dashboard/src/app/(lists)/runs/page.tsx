import { listRuns } from "@paperpulse/db";
import type { Metadata } from "next";
import { RunNowForm } from "@/components/run-now-form";
import { ErrorCell, RunStatus } from "@/components/run-status";
import { TableHead } from "@/components/table-head";
import { formatDateTime, formatDuration, formatInteger } from "@/lib/format";
import { getDb } from "@/server/db";
import { getRunNowAccess } from "@/server/run-now";
import { getScheduleInfo } from "@/server/schedule";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

const historyLimit = 100;

export default async function RunsPage() {
  const db = await getDb();
  const [runs, schedule, access] = await Promise.all([
    listRuns(db, historyLimit),
    getScheduleInfo(),
    getRunNowAccess(),
  ]);
  const running = runs.find((run) => run.status === "running");
  const now = Date.now();

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <p className="muted">Every scrape and import, with the pages it fetched or read.</p>
        </div>
      </div>

      <div className="runs-top">
        <section className="card" aria-labelledby="schedule-title">
          <h2 id="schedule-title">Schedule</h2>
          {schedule.enabled ? (
            <>
              <p className="muted small">
                {schedule.schedulesHere
                  ? "This dashboard process runs the schedule (embedded mode)."
                  : schedule.mode === "server"
                    ? "Server mode: the `pnpm scrape schedule` daemon runs the schedule; these are its configured times."
                    : "The schedule is configured but not running in this process."}{" "}
                Times are UTC.
              </p>
              <table className="data compact" data-schedule>
                <TableHead columns={[{ label: "Job" }, { label: "Cron" }, { label: "Next runs" }]} />
                <tbody>
                  {schedule.jobs.map((job) => (
                    <tr key={job.name}>
                      <td>{job.name}</td>
                      <td>
                        <code>{job.cron}</code>
                      </td>
                      <td>{job.next.map((date) => formatDateTime(date)).join(" · ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p data-schedule-off>
              Scheduling off (<code>PAPERPULSE_SCHEDULE=off</code> or no job configured). Runs happen only
              when started by hand.
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="run-now-title">
          <h2 id="run-now-title">Run now</h2>
          {running ? (
            <p className="notice">
              Run <a href={`/runs/${running.id}`}>#{running.id}</a> is running ({running.command}).
            </p>
          ) : null}
          <RunNowForm access={access} />
        </section>
      </div>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {runs.length === 0 ? (
          <p className="muted" data-empty>
            No runs yet: import an archive (<code>pnpm scrape import PATH</code>) or press Run now.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="papers runs">
              <caption className="visually-hidden">The latest {runs.length} runs, newest first</caption>
              <TableHead
                columns={[
                  { label: "Run" },
                  { label: "Trigger" },
                  { label: "Status" },
                  { label: "Started" },
                  { label: "Duration", numeric: true },
                  { label: "Pages", numeric: true },
                  { label: "Items", numeric: true },
                  { label: "New papers", numeric: true },
                  { label: "Errors" },
                ]}
              />
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} data-run-id={run.id}>
                    <td className="title">
                      <a href={`/runs/${run.id}`}>#{run.id}</a>
                      <span className="paper-id">{run.command}</span>
                    </td>
                    <td>{run.trigger}</td>
                    <td>
                      <RunStatus status={run.status} />
                    </td>
                    <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                    <td className="num">
                      {formatDuration((run.finishedAt?.getTime() ?? now) - run.startedAt.getTime())}
                      {run.finishedAt ? "" : " so far"}
                    </td>
                    <td className="num">
                      {formatInteger(run.pagesTotal)}
                      {run.pagesFailed > 0 ? (
                        <span className="error-text"> ({formatInteger(run.pagesFailed)} failed)</span>
                      ) : null}
                    </td>
                    <td className="num">{formatInteger(run.items)}</td>
                    <td className="num">{formatInteger(run.newPapers)}</td>
                    <ErrorCell code={run.error ? run.errorCode : null} message={run.error} max={160} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
