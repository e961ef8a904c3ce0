import type { ReactNode } from "react";

type Props = { filtered: boolean; clearHref: string; children?: ReactNode };

/** No rows: either the filters exclude everything, or nothing was captured yet (and how to change that). */
export function EmptyState({ filtered, clearHref, children }: Props) {
  return (
    <section className="empty" data-empty>
      {filtered ? (
        <>
          <h2>Nothing matches these filters</h2>
          <p className="muted">
            Try a wider date range, other organisations or less text.{" "}
            <a href={clearHref}>Clear all filters</a>
          </p>
        </>
      ) : (
        <>
          <h2>No papers yet</h2>
          <p className="muted">
            Import recorded listings with <code>pnpm scrape import PATH</code>, scrape a day with{" "}
            <code>pnpm scrape day YYYY-MM-DD</code>, or press Run now on the <a href="/runs">Runs</a> page.
          </p>
        </>
      )}
      {children}
    </section>
  );
}
