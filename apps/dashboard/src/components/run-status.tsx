/** A run's or page's status as a coloured label (colour is never the only cue: the word is there). */
export function RunStatus({ status }: { status: string }) {
  return (
    <span className={`status status-${status.replace(/[^a-z]/g, "")}`} data-status={status}>
      {status}
    </span>
  );
}

/** A run's or page's error: its code, then the message (long ones cut to `max`), or a dash when there is none. */
export function ErrorCell({
  code,
  message,
  max,
}: {
  code: string | null;
  message: string | null;
  max?: number;
}) {
  if (!code && !message) {
    return (
      <td className="error-cell">
        <span className="muted">—</span>
      </td>
    );
  }
  const text = message && max !== undefined && message.length > max ? `${message.slice(0, max)}…` : message;
  return (
    <td className="error-cell">
      {code ? <code>{code}</code> : null} {text}
    </td>
  );
}
