/**
 * Shown while a list view's queries run. Detail pages (a paper, an organisation, a run) have none: a streamed
 * shell would be sent as 200 before they can answer 404 for an unknown id.
 */
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
