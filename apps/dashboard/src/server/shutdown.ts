import type { DbHandle } from "@paperpulse/db";
import { stopSchedule } from "./schedule";

// Closing PGlite checkpoints it and releases the folder lock; the scheduler stops first, so that a run in progress
// gets a moment to finish (a run cut short is marked abandoned at the next start). The server (serve.mjs) runs Next
// without signal handlers of its own: this handler does the exit.
export function closeOnSignals(handle: DbHandle): void {
  const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // `on`, not `once`: Ctrl+C reaches us from both the terminal and the parent; a repeat must not kill the close.
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      setTimeout(() => process.exit(exitCodes[signal]), 5000).unref();
      stopSchedule()
        .catch((error: unknown) => console.error("Stopping the scheduler failed:", error))
        .then(() => handle.close())
        .catch((error: unknown) => console.error("Closing the database failed:", error))
        .finally(() => process.exit(exitCodes[signal]));
    });
  }
}
