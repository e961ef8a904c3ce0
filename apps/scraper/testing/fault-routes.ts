import type { ServerResponse } from "node:http";
import type { Route, RouteReply } from "./hf-test-server.ts";

// Route factories for the faults a scraper meets in the wild. Each one misbehaves the way a real server or
// network does: on the socket where needed, since a well-behaved http.ServerResponse refuses to send a bad body.

type Step = Route | RouteReply;

const asRoute = (step: Step): Route => (typeof step === "function" ? step : () => step);

/** The n-th request gets the n-th step; the last step repeats. `sequenceRoute(fail, fail, ok)`: 2 failures then ok. */
export function sequenceRoute(...steps: Step[]): Route {
  if (steps.length === 0) throw new Error("sequenceRoute needs at least one step");
  let served = 0;
  return (request) => {
    const step = steps[Math.min(served, steps.length - 1)] as Step;
    served++;
    return asRoute(step)(request);
  };
}

/** `times` replies of `failure`, then `success` for good. */
export function failTimesRoute(times: number, failure: Step, success: Step): Route {
  return sequenceRoute(...Array.from({ length: times }, () => failure), success);
}

export const statusReply = (status: number, headers: Record<string, string> = {}): RouteReply => ({
  status,
  body: `HTTP ${status}`,
  headers: { "content-type": "text/plain", ...headers },
});

/** Accepts the request and never answers: no status line, no headers. */
export const hangRoute = (): Route => () => () => {};

/** Sends headers promising `bytes` bytes, then one byte every `intervalMs` until the client gives up. */
export function trickleRoute(bytes: number, intervalMs: number): Route {
  return () => (response) => {
    response.writeHead(200, { "content-type": "text/html", "content-length": String(bytes) });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= bytes) {
        clearInterval(timer);
        return;
      }
      response.write("x");
      sent++;
    }, intervalMs);
    response.on("close", () => clearInterval(timer));
  };
}

/** Drops the connection as soon as the request arrives (ECONNRESET on the client). */
export const resetRoute = (): Route => () => (response) => {
  response.socket?.destroy();
};

/** Declares `Content-Length: declared` but sends only `body`, then closes the connection. */
export function truncatedRoute(body: string, declared: number): Route {
  return () => (response) => {
    writeRaw(
      response,
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${declared}\r\n\r\n${body}`,
    );
  };
}

/**
 * Chunked transfer gone wrong: `cut` ends the connection inside a chunk (no terminating 0-chunk);
 * `garbled` sends a chunk size that is not hex.
 */
export function brokenChunkingRoute(body: string, mode: "cut" | "garbled"): Route {
  return () => (response) => {
    const head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
    const size = Buffer.byteLength(body).toString(16);
    const chunks =
      mode === "cut"
        ? `${size}\r\n${body}\r\n${(1024).toString(16)}\r\npartial`
        : `zz\r\n${body}\r\n0\r\n\r\n`;
    writeRaw(response, head + chunks);
  };
}

function writeRaw(response: ServerResponse, text: string) {
  const socket = response.socket;
  if (!socket) return;
  socket.write(text);
  socket.end();
}

export type HugeBodyRoute = { route: Route; stats: { bytesWritten: number; finished: boolean } };

/** A `totalBytes` body streamed in 64 KiB chunks with back-pressure; `stats` tells how much got out. */
export function hugeBodyRoute(totalBytes: number): HugeBodyRoute {
  const stats = { bytesWritten: 0, finished: false };
  const chunk = Buffer.alloc(64 * 1024, "a");
  const route: Route = () => (response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const pump = () => {
      while (stats.bytesWritten < totalBytes && !response.destroyed) {
        stats.bytesWritten += chunk.byteLength;
        if (!response.write(chunk)) {
          response.once("drain", pump);
          return;
        }
      }
      if (!response.destroyed) {
        stats.finished = true;
        response.end();
      }
    };
    pump();
  };
  return { route, stats };
}

export const robotsRoute =
  (text: string): Route =>
  () => ({ body: text, headers: { "content-type": "text/plain" } });

export const redirectRoute =
  (location: string, status = 302): Route =>
  () => ({ status, body: "", headers: { location } });
