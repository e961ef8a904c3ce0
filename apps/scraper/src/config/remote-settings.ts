import type { FetcherOptions } from "../fetch/create-fetcher.ts";
import { loadPolitenessConfig } from "../fetch/politeness-config.ts";
import { defaultChromiumPath } from "../render/render-listing.ts";
import type { ScraperEnv } from "./env.ts";

/** What the environment sets for every fetch of the process: the politeness limits, private hosts, the browser. */
export type RemoteSettings = Required<Pick<FetcherOptions, "limits" | "allowPrivateHosts">> & {
  chromiumPath: string;
};

export function remoteSettingsOf(env: ScraperEnv): RemoteSettings {
  return {
    limits: loadPolitenessConfig(env),
    allowPrivateHosts: env.PAPERPULSE_ALLOW_PRIVATE_HOSTS,
    chromiumPath: defaultChromiumPath(env),
  };
}
