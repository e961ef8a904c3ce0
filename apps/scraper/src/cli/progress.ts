import type { ProgressListener } from "../run/summary.ts";

/** A one-line progress display on a terminal (stderr); silent when output is piped or redirected. */
export function createProgressDisplay(
  stream: Pick<NodeJS.WriteStream, "isTTY" | "columns" | "write"> = process.stderr,
  clock: () => number = Date.now,
): {
  listener: ProgressListener | undefined;
  clear: () => void;
} {
  if (!stream.isTTY) return { listener: undefined, clear: () => {} };
  let last = 0;
  let shown = false;
  const started = clock();
  return {
    listener: (p) => {
      const now = clock();
      // Short runs print nothing; long ones redraw at most five times a second.
      if (now - started < 1_000 || now - last < 200) return;
      last = now;
      shown = true;
      const position = p.total === null ? `${p.done + 1}` : `${Math.min(p.done + 1, p.total)}/${p.total}`;
      const eta =
        p.total !== null && p.done > 0
          ? ` — ETA ${formatDuration(((now - started) / p.done) * (p.total - p.done))}`
          : "";
      const line = `${position} ${p.label} — ${p.items.toLocaleString("en")} items, ${p.newPapers.toLocaleString("en")} new papers${eta}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
    },
    clear: () => {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
