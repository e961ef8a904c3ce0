import { type Logger, pino } from "pino";

/**
 * Structured log lines (one JSON object per line, on stderr) for process managers and log collectors: one per run
 * as it ends and one per failed request. Server processes (the dashboard, `pnpm scrape schedule`) write them by
 * default; one-off CLI commands print their own summary and write them only when asked. PAPERPULSE_LOG: `json`
 * writes them everywhere, `off` nowhere.
 */
export type LogSetting = "json" | "off" | undefined;

const key = Symbol.for("paperpulse.log");
type Global = typeof globalThis & { [key]?: { logger: Logger; serverDefault: boolean } };

/** Reads PAPERPULSE_LOG; anything but json/off (or unset) is an error naming the variable. */
export function readLogSetting(env: Record<string, string | undefined> = process.env): LogSetting {
  const value = env.PAPERPULSE_LOG?.trim().toLowerCase();
  if (value === undefined || value === "") return undefined;
  if (value === "json" || value === "off") return value;
  throw new Error(`PAPERPULSE_LOG must be "json" or "off", got "${env.PAPERPULSE_LOG}"`);
}

/** Called once by a one-off CLI command: its structured lines are then off unless PAPERPULSE_LOG=json. */
export function quietUnlessAsked(): void {
  state().serverDefault = false;
}

/** The process's logger; a silent one when structured lines are off here. */
export function getLogger(): Logger {
  const current = state();
  // Checked when the process starts (CLI, dashboard boot); a log line never fails a run.
  let setting: LogSetting;
  try {
    setting = readLogSetting();
  } catch {
    setting = undefined;
  }
  const on = setting === "json" || (setting === undefined && current.serverDefault);
  return on ? current.logger : silent;
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
    serverDefault: true,
  };
  return global[key];
}
