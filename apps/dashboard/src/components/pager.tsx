type Props = { page: number; pages: number; href: (page: number) => string };

/** Previous / next links and the current position; pages are URLs (`page=N`). */
export function Pager({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span className="muted" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next →
        </a>
      ) : (
        <span className="muted" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
