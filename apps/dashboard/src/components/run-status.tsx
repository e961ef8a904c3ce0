/** A run's or page's status as a coloured label (colour is never the only cue: the word is there). */
export function RunStatus({ status }: { status: string }) {
  return (
    <span className={`status status-${status.replace(/[^a-z]/g, "")}`} data-status={status}>
      {status}
    </span>
  );
}
