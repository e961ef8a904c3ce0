// The scraper's library entry: the dashboard runs scrapes and imports in-process through it.
export {
  parseScraperEnv,
  readScraperEnv,
  type ScraperEnv,
  scraperEnvSchema,
  scraperEnvShape,
} from "./config/env.ts";
export { EnvError, parseVariables } from "./config/env-error.ts";
export { unsetWhenEmpty } from "./config/env-fields.ts";
export { type RemoteSettings, remoteSettingsOf } from "./config/remote-settings.ts";
export { createFetcher, USER_AGENT } from "./fetch/create-fetcher.ts";
export { FetchError } from "./fetch/errors.ts";
export { loadPolitenessConfig } from "./fetch/politeness-config.ts";
export { type ImportOptions, importPaths } from "./import/import-paths.ts";
export { configureLogging, getLogger } from "./log/logger.ts";
export { defaultRawDir } from "./raw/raw-store.ts";
export { CHROMIUM_ARGS } from "./render/render-listing.ts";
export { parseBody } from "./run/parse-body.ts";
export { type ScrapeOptions, scrapeTargets } from "./run/scrape-targets.ts";
export type { Progress, RunSummary } from "./run/summary.ts";
export { planJob } from "./schedule/plan-job.ts";
export {
  expectedFreshnessMs,
  type JobName,
  listNextRuns,
  loadScheduleConfig,
  type ScheduleConfig,
} from "./schedule/schedule-config.ts";
export { type Scheduler, startScheduler, type TriggerResult } from "./schedule/start-scheduler.ts";
export * from "./sources/targets.ts";
export { syncTopicCatalog } from "./topics/index.ts";
