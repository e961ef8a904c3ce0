import type { RunNowAccess } from "@/server/run-now";

/** "Run now" as a plain POST form (no JavaScript needed); disabled, with the reason, when it cannot be used. */
export function RunNowForm({ access }: { access: RunNowAccess }) {
  return (
    <form method="post" action="/api/runs/run-now" className="run-now" aria-describedby="run-now-help">
      {access.enabled && access.tokenRequired ? (
        <label>
          Admin token
          <input
            className="token-input"
            type="password"
            name="token"
            required
            autoComplete="off"
            minLength={16}
          />
        </label>
      ) : null}
      <button type="submit" disabled={!access.enabled} data-run-now>
        Run now
      </button>
      <p id="run-now-help" className="muted small">
        {access.enabled
          ? "Starts the refresh job (today and the recent days whose upvotes still move). If a run is active, you are taken to it instead."
          : `Disabled: ${access.reason}.`}
      </p>
    </form>
  );
}
