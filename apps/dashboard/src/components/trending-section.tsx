import type { LatestTrending } from "@paperpulse/db";
import { formatDateTime, formatDay, formatInteger, pathSegment } from "@/lib/format";

type Props = { trending: LatestTrending; filtered: boolean };

/**
 * Hugging Face's own trending listing as last captured, in its order and with its capture time: what the site
 * itself calls hot, beside the gains computed from the snapshots. Says how to capture it when it never was.
 */
export function TrendingSection({ trending, filtered }: Props) {
  const { capturedAt, listed, rows } = trending;
  return (
    <section className="card" aria-labelledby="trending-title" data-trending>
      <h2 id="trending-title">Trending on Hugging Face</h2>
      {capturedAt === null ? (
        <p className="muted" data-trending-missing>
          The trending listing has not been captured. <code>pnpm scrape trending</code> captures it once;{" "}
          <code>PAPERPULSE_SCHEDULE_TRENDING</code> (a cron expression, e.g. <code>15 * * * *</code>) captures
          it on the schedule.
        </p>
      ) : (
        <>
          <p className="muted small" data-trending-captured={capturedAt.toISOString()}>
            As captured {formatDateTime(capturedAt)}: {formatInteger(listed)} papers in Hugging Face&apos;s
            order
            {filtered ? `, ${formatInteger(rows.length)} of them matching the filters` : ""}; upvotes as last
            stored.
          </p>
          {rows.length > 0 ? (
            <div className="table-wrap">
              <table className="papers trending">
                <caption className="visually-hidden">
                  Hugging Face&apos;s trending listing, captured {formatDateTime(capturedAt)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Place
                    </th>
                    <th scope="col">Title</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Daily date</th>
                    <th scope="col" className="num">
                      Upvotes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} data-paper-id={row.id}>
                      <td className="num">{row.position}</td>
                      <td className="title">
                        <a href={`/papers/${pathSegment(row.id)}`}>{row.title}</a>
                      </td>
                      <td>
                        {row.organization ? (
                          <a href={`/orgs/${pathSegment(row.organization)}`}>{row.organization}</a>
                        ) : (
                          <span className="muted">none</span>
                        )}
                      </td>
                      <td>{formatDay(row.dailyDate)}</td>
                      <td className="num">{formatInteger(row.upvotes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
