/** Shown while a view's queries run (every view renders on the server from the database). */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <p className="visually-hidden">Loading…</p>
      <div className="skeleton" style={{ height: 48 }} />
      <div className="skeleton" style={{ height: 320 }} />
      <div className="skeleton" style={{ height: 240 }} />
    </div>
  );
}
