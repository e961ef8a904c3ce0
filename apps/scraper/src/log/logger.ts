import { type Logger, pino } from "pino";

/**
 * Structured log lines (one JSON object per line, on stderr) for process managers and log collectors: one per run
 * as it ends and one per failed request. Server processes (the dashboard, `pnpm scrape schedule`) write them by
 * default; one-off CLI commands print their own summary and write them only when asked. PAPERPULSE_LOG: `json`
 * writes them everywhere, `off` nowhere. Kept on globalThis: Next loads this module once per bundle.
 */
export type LogSetting = "json" | "off" | undefined;

const key = Symbol.for("paperpulse.log");
type Global = typeof globalThis & { [key]?: { logger: Logger; on: boolean } };

/**
 * Called once by the process's entry, with PAPERPULSE_LOG as it parsed it: a server (the dashboard, the scheduler
 * daemon) writes the lines unless told `off`, a one-off command only when told `json`.
 */
export function configureLogging(setting: LogSetting, server: boolean): void {
  const current = state();
  current.on = setting === "json" || (setting === undefined && server);
}

/** The process's logger; a silent one when structured lines are off here, or no entry configured them. */
export function getLogger(): Logger {
  const current = state();
  return current.on ? current.logger : silent;
}

const silent = pino({ enabled: false });

function state() {
  const global = globalThis as Global;
  global[key] ??= {
    // Synchronous writes: a line must not be lost when the process exits right after a run.
    logger: pino(
      { base: { app: "paperpulse" }, timestamp: pino.stdTimeFunctions.isoTime },
      pino.destination({ fd: 2, sync: true }),
    ),
    // A library user (a test) that configured nothing writes nothing.
    on: false,
  };
  return global[key];
}
