"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="empty" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">
        The page could not be loaded{error.digest ? ` (error ${error.digest}, see the server log)` : ""}.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
