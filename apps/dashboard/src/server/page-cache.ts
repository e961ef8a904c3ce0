import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { getDataVersion } from "@paperpulse/db";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import { createNonce } from "@/lib/csp";
import { precompressedHeader } from "../../precompressed.mjs";
import { getDb } from "./db";
import { getEnv } from "./env";
import { selfUrl } from "./network";

/**
 * Rendered views and exports, kept until the data changes. Rendering a view costs the server's single thread
 * 15–40 ms whatever the database does, so ten readers of a view queued behind each other; a response depends only
 * on its URL, the data (whose version every write moves, in the database, so that every process sees it) and the
 * clock (how long ago the last capture was, when the next run is), so it is kept per URL and data version, and
 * rendered again in the background once five minutes have passed, the older copy served meanwhile.
 *
 * Every copy of a view gets its own CSP nonce: views are rendered for the cache with a placeholder nonce that never
 * leaves the process, replaced in each copy served. Renders go through this server itself (a request with a secret
 * header), once per URL and version however many readers wait for it.
 */

type Stored = {
  version: number;
  bucket: number;
  body: string;
  /**
   * An export compressed once, when it is kept: compressing the papers CSV (5.7 MB at full size) for every download
   * cost the server more than the rest of serving it. Views are not: each copy gets its own nonce.
   */
  gzipped: Uint8Array<ArrayBuffer> | null;
  headers: [string, string][];
  html: boolean;
};

type State = {
  cache: LRUCache<string, Stored> | null;
  /** The largest response kept: a bigger one (the snapshots of every paper) is streamed each time. */
  maxEntryBytes: number;
  /** The nonce views are rendered with for the cache, replaced in every copy served. */
  placeholder: string;
  /** Marks this process's own render requests. */
  token: string;
  rendering: Map<string, Promise<Stored | null>>;
  /** Set when this server cannot reach itself: nothing more is attempted. */
  unreachable: boolean;
};

export const renderHeader = "x-paperpulse-render";

/**
 * How long a copy is served before it is rendered again for the clock's sake: the ages and next run times views
 * show are read in minutes and hours, and a render costs the server's thread 15–40 ms.
 */
const timeBucketMs = 5 * 60_000;

const key = Symbol.for("paperpulse.dashboard.page-cache");
type Global = typeof globalThis & { [key]?: State };

function state(): State {
  const global = globalThis as Global;
  if (!global[key]) {
    const megabytes = getEnv().PAPERPULSE_PAGE_CACHE_MB;
    global[key] = {
      cache: megabytes > 0 ? new LRUCache({ maxSize: megabytes * 2 ** 20, sizeCalculation: sizeOf }) : null,
      maxEntryBytes: Math.min(32 * 2 ** 20, (megabytes * 2 ** 20) / 4),
      placeholder: createNonce(),
      token: createNonce(),
      rendering: new Map(),
      unreachable: false,
    };
  }
  return global[key];
}

// Strings are UTF-16 in memory; the headers are small.
const sizeOf = (page: Stored) => page.body.length * 2 + (page.gzipped?.length ?? 0) + 1024;

/**
 * What is kept: views (not the runs, while a run goes on they change with no data) and the CSV exports whose size
 * is bounded by the papers (not the snapshots: ten million rows), never the API's other routes. Binary exports
 * (Parquet) stream past the cache: it keeps text.
 */
export function isCacheable(request: Request, pathname: string): boolean {
  if (request.method !== "GET") return false;
  // Client-side navigation and prefetches ask for the React payload, not HTML.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) return false;
  if (pathname.startsWith("/api/"))
    return (
      pathname.startsWith("/api/export/") && pathname.endsWith(".csv") && !pathname.includes("snapshots")
    );
  return true;
}

/** A request this process sent to render for the cache: rendered with the placeholder nonce. */
export function renderNonceFor(request: Request): string | null {
  const current = state();
  return request.headers.get(renderHeader) === current.token ? current.placeholder : null;
}

export type Served = {
  body: string | Uint8Array<ArrayBuffer>;
  headers: Headers;
  cache: "hit" | "stale" | "rendered";
};

/**
 * The response for a cacheable URL from the cache: a copy of the current data version (rendered again in the
 * background when its five minutes have passed), else the one render of this version in flight or started now. Null when
 * the cache is off, the data version cannot be read, or the render did not give a whole 200 response: the request
 * then goes to Next as usual.
 */
export async function serveFromCache(
  pathAndQuery: string,
  nonce: string,
  acceptEncoding: string | null,
): Promise<Served | null> {
  const current = state();
  if (!current.cache || current.unreachable) return null;
  let version: number;
  try {
    version = await getDataVersion(await getDb());
  } catch {
    return null;
  }
  const bucket = Math.floor(Date.now() / timeBucketMs);
  const stored = current.cache.get(pathAndQuery);
  if (stored && stored.version === version) {
    if (stored.bucket !== bucket) void render(pathAndQuery, version, bucket);
    return copyOf(stored, nonce, acceptEncoding, stored.bucket === bucket ? "hit" : "stale");
  }
  const rendered = await render(pathAndQuery, version, bucket);
  return rendered ? copyOf(rendered, nonce, acceptEncoding, "rendered") : null;
}

function copyOf(
  stored: Stored,
  nonce: string,
  acceptEncoding: string | null,
  cache: Served["cache"],
): Served {
  const headers = new Headers(stored.headers);
  if (stored.gzipped && acceptsGzip(acceptEncoding)) {
    headers.set(precompressedHeader, "gzip");
    headers.append("vary", "Accept-Encoding");
    return { body: stored.gzipped, headers, cache };
  }
  const body = stored.html ? stored.body.replaceAll(state().placeholder, nonce) : stored.body;
  return { body, headers, cache };
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0), as the compression in serve.mjs reads it. */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return new Negotiator({ headers: { "accept-encoding": header } }).encodings(["gzip"]).includes("gzip");
}

const gzipAsync = promisify(gzip);

/** Renders once per URL and version at a time; the result is kept (when it is whole) and handed to every waiter. */
function render(pathAndQuery: string, version: number, bucket: number): Promise<Stored | null> {
  const current = state();
  const flight = `${version} ${pathAndQuery}`;
  const pending = current.rendering.get(flight);
  if (pending) return pending;
  const rendering = fetchWhole(pathAndQuery, current)
    .then(async (page) => {
      if (!page) return null;
      // Copied once into a plain array (a Buffer may share a pool): what a Response body takes.
      const gzipped = page.html ? null : new Uint8Array(await gzipAsync(page.body));
      const stored = { ...page, gzipped, version, bucket };
      current.cache?.set(pathAndQuery, stored);
      return stored;
    })
    .finally(() => current.rendering.delete(flight));
  current.rendering.set(flight, rendering);
  return rendering;
}

// Headers of the rendered response that describe one transfer, or hold the placeholder nonce: not kept.
const dropped = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-security-policy",
]);

async function fetchWhole(
  pathAndQuery: string,
  current: State,
): Promise<Omit<Stored, "version" | "bucket" | "gzipped"> | null> {
  try {
    const response = await fetch(`${selfUrl(getEnv())}${pathAndQuery}`, {
      headers: { [renderHeader]: current.token },
      redirect: "manual",
      signal: AbortSignal.timeout(120_000),
    });
    const type = response.headers.get("content-type") ?? "";
    const html = type.startsWith("text/html");
    if (response.status !== 200 || !(html || type.startsWith("text/csv")) || !response.body) {
      await response.body?.cancel();
      return null;
    }
    const body = await readBounded(response.body, current.maxEntryBytes);
    // A view is kept only when rendered whole for the cache (it carries the placeholder nonce).
    if (body === null || (html && !body.includes(current.placeholder))) return null;
    const headers = [...response.headers.entries()].filter(([name]) => !dropped.has(name));
    return { body, headers, html };
  } catch (error) {
    if (!current.unreachable && error instanceof TypeError) {
      current.unreachable = true;
      const reason = error.cause instanceof Error ? error.cause.message : error.message;
      console.warn(
        `Paperpulse dashboard: responses are not cached (this server did not answer itself: ${reason})`,
      );
    }
    return null;
  }
}

/** The body as text, or null (and the transfer cancelled) once it passes `limit` bytes. */
async function readBounded(body: ReadableStream<Uint8Array>, limit: number): Promise<string | null> {
  const reader = body.getReader();
  // ignoreBOM keeps the byte-order mark the CSV exports start with.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}
