import { getDataVersion } from "@paperpulse/db";
import { LRUCache } from "lru-cache";
import { createNonce } from "@/lib/csp";
import { getDb } from "./db";
import { getEnv } from "./env";

/**
 * Rendered views, kept until the data changes. Rendering a view costs the server 15–40 ms whatever the database
 * does, so ten readers of the same view would queue behind each other; the HTML of a view depends only on its URL,
 * the data (whose version every write moves, in the database, so every process sees it) and the clock (the
 * freshness banner says how long ago the last capture was), so it is kept per URL, data version and minute.
 *
 * Every response still gets its own CSP nonce: a view is rendered once with a placeholder nonce that never leaves
 * the process, and each copy served replaces it with a fresh one. The copy is rendered off the request path, by
 * requesting the view from this server with a secret header: the reader whose request missed is served as usual.
 */

type CachedPage = { body: string; headers: [string, string][] };

type State = {
  cache: LRUCache<string, CachedPage> | null;
  /** The nonce views are rendered with for the cache, replaced in every copy served. */
  placeholder: string;
  /** Marks this process's own render requests. */
  token: string;
  rendering: Set<string>;
  /** Set when this server cannot reach itself: nothing more is attempted. */
  unreachable: boolean;
};

export const renderHeader = "x-paperpulse-render";

const key = Symbol.for("paperpulse.dashboard.page-cache");
type Global = typeof globalThis & { [key]?: State };

function state(): State {
  const global = globalThis as Global;
  global[key] ??= {
    cache: createCache(getEnv().PAPERPULSE_PAGE_CACHE_MB),
    placeholder: createNonce(),
    token: createNonce(),
    rendering: new Set(),
    unreachable: false,
  };
  return global[key];
}

function createCache(megabytes: number): LRUCache<string, CachedPage> | null {
  if (megabytes <= 0) return null;
  return new LRUCache({
    maxSize: megabytes * 1024 * 1024,
    // UTF-16 in memory; the headers are small.
    sizeCalculation: (page) => page.body.length * 2 + 1024,
  });
}

/** Views only: GET of a page, not an API route, not the runs (they change while a run goes on, with no data). */
export function isCachedView(request: Request, pathname: string): boolean {
  return (
    request.method === "GET" &&
    !pathname.startsWith("/api/") &&
    !pathname.startsWith("/runs") &&
    // Client-side navigation and prefetches ask for the React payload, not HTML.
    !request.headers.has("rsc") &&
    !request.headers.has("next-router-prefetch")
  );
}

/** A request this process sent to render a view for the cache: rendered with the placeholder nonce. */
export function renderNonceFor(request: Request): string | null {
  const current = state();
  return request.headers.get(renderHeader) === current.token ? current.placeholder : null;
}

/** The cache key of a view now, or null when the cache is off or the data version cannot be read. */
export async function viewKey(pathAndQuery: string): Promise<string | null> {
  const current = state();
  if (!current.cache || current.unreachable) return null;
  try {
    const version = await getDataVersion(await getDb());
    return `${version} ${Math.floor(Date.now() / 60_000)} ${pathAndQuery}`;
  } catch {
    return null;
  }
}

/** The cached copy of a view with its own nonce in the HTML, or null. */
export function cachedView(viewKeyNow: string, nonce: string): { body: string; headers: Headers } | null {
  const current = state();
  const page = current.cache?.get(viewKeyNow);
  if (!page) return null;
  return { body: page.body.replaceAll(current.placeholder, nonce), headers: new Headers(page.headers) };
}

/** Renders the view into the cache in the background, once per key at a time. */
export function renderIntoCache(viewKeyNow: string, pathAndQuery: string): void {
  const current = state();
  if (!current.cache || current.rendering.has(viewKeyNow)) return;
  current.rendering.add(viewKeyNow);
  void fetchView(pathAndQuery, current)
    .then((page) => {
      if (page) current.cache?.set(viewKeyNow, page);
    })
    .finally(() => current.rendering.delete(viewKeyNow));
}

// Headers of the rendered response that describe one transfer, or hold the placeholder nonce: not kept.
const dropped = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
]);

async function fetchView(pathAndQuery: string, current: State): Promise<CachedPage | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${getEnv().PORT}${pathAndQuery}`, {
      headers: { [renderHeader]: current.token },
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const body = await response.text();
    const html = response.headers.get("content-type")?.startsWith("text/html") ?? false;
    // Only a whole page rendered for the cache (it carries the placeholder) is kept; errors and 404s are not.
    if (response.status !== 200 || !html || !body.includes(current.placeholder)) return null;
    const headers = [...response.headers.entries()].filter(
      ([name]) => !dropped.has(name) && name !== "content-security-policy",
    );
    return { body, headers };
  } catch (error) {
    if (!current.unreachable) {
      current.unreachable = true;
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(
        `Paperpulse dashboard: views are not cached (this server did not answer itself: ${reason})`,
      );
    }
    return null;
  }
}
