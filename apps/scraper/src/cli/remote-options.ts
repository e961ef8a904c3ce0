import type { ScrapeOptions } from "../run/scrape-targets.ts";
import type { Remote } from "./parse-command.ts";

/** The fetch, raw-page and render options of a command that fetches. */
export function remoteOptions(remote: Remote): Pick<ScrapeOptions, "fetcher" | "raw" | "render"> {
  const { limits, allowPrivateHosts, chromiumPath } = remote.settings;
  return {
    fetcher: { baseUrl: remote.baseUrl, maxRequests: remote.maxRequests, limits, allowPrivateHosts },
    raw: remote.raw,
    render: { mode: remote.render, chromiumPath },
  };
}
