import { getFreshness } from "@paperpulse/db";
import { formatAge, formatDateTime } from "@/lib/format";
import { getDb } from "@/server/db";
import { getScheduleInfo } from "@/server/schedule";

/**
 * Says so when the data is older than the schedule implies (expectedFreshnessMs; no schedule, no expectation), and
 * when the last run failed because Hugging Face's markup changed.
 */
export async function FreshnessBanner() {
  const [schedule, freshness] = await Promise.all([getScheduleInfo(), getDb().then(getFreshness)]);
  const now = Date.now();
  const last = freshness.lastSuccessAt;
  const stale =
    schedule.freshnessMs !== null && (last === null || now - last.getTime() > schedule.freshnessMs);
  if (!stale && !freshness.schemaDrift) return null;
  return (
    <div className="container banners">
      {stale ? (
        <p className="banner warn" role="status" data-banner="stale">
          <strong>Data may be out of date.</strong>{" "}
          {last
            ? `The last successful capture was ${formatAge(now - last.getTime())} ago (${formatDateTime(last)}); the schedule expects one at least every ${formatAge(schedule.freshnessMs ?? 0)}.`
            : "Nothing has been captured successfully yet."}{" "}
          <a href="/runs">See the runs</a>
        </p>
      ) : null}
      {freshness.schemaDrift && freshness.lastRun ? (
        <p className="banner error" role="status" data-banner="schema-drift">
          <strong>Data may be stale: Hugging Face&apos;s markup changed.</strong> The last run (
          <a href={`/runs/${freshness.lastRun.id}`}>#{freshness.lastRun.id}</a>) could not read some pages;
          the raw pages are kept for a re-parse once the parser is updated.
        </p>
      ) : null}
    </div>
  );
}
