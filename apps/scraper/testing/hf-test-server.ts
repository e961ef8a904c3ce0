import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isoWeekOf } from "../src/sources/targets.ts";

export type LoggedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived: for gaps between requests. */
  at: number;
  /** Date.now() when the request arrived: for comparisons with HTTP dates. */
  receivedAt: number;
  /** The client's port: requests sharing it came over one connection. */
  remotePort: number | undefined;
};

export type RouteReply = { status?: number; body: string; headers?: Record<string, string> };
export type Route = (request: LoggedRequest) => RouteReply | ((response: ServerResponse) => void);

export type HfTestServer = {
  baseUrl: string;
  /** Every request the server received, in order: tests assert on what the scraper actually sent. */
  requests: LoggedRequest[];
  /** Serves `path` (without query) with `route`; replaces an earlier route for the same path. */
  route: (path: string, route: Route) => void;
  close: () => Promise<void>;
};

/** A local stand-in for Hugging Face on 127.0.0.1 that serves routes in its URL scheme and logs every request. */
export async function startHfTestServer(): Promise<HfTestServer> {
  const routes = new Map<string, Route>();
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const logged = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      at: performance.now(),
      receivedAt: Date.now(),
      remotePort: req.socket.remotePort,
    };
    requests.push(logged);
    const route = routes.get(url.pathname);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no route for ${url.pathname}`);
      return;
    }
    const reply = route(logged);
    if (typeof reply === "function") {
      reply(res);
      return;
    }
    res.writeHead(reply.status ?? 200, { "content-type": "text/html; charset=utf-8", ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route: (path, route) => routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a list of items the way /api/daily_papers pages them: `p` from 0, at most `pageSize` per page. */
export function pagedApiRoute(items: unknown[], pageSize: number): Route {
  return (request) => {
    const page = Number(request.query.get("p") ?? "0");
    const limit = Math.min(Number(request.query.get("limit") ?? pageSize), pageSize);
    const slice = items.slice(page * limit, (page + 1) * limit);
    return { body: JSON.stringify(slice), headers: { "content-type": "application/json" } };
  };
}

/**
 * Serves /api/daily_papers as Hugging Face does for `date=`, `week=` (ISO) and `month=`: the items whose
 * `paper.submittedOnDailyAt` falls in it, `p` from 0, `limit` per page (at most 100).
 */
export function listingApiRoute(items: readonly { paper: { submittedOnDailyAt?: string | null } }[]): Route {
  return (request) => {
    const day = (item: (typeof items)[number]) => item.paper.submittedOnDailyAt?.slice(0, 10) ?? "";
    const date = request.query.get("date");
    const week = request.query.get("week");
    const month = request.query.get("month");
    const chosen = items.filter((item) =>
      date
        ? day(item) === date
        : week
          ? isoWeekOf(new Date(`${day(item)}T00:00:00Z`)) === week
          : month
            ? day(item).startsWith(month)
            : true,
    );
    const page = Number(request.query.get("p") ?? "0");
    const limit = Math.min(Number(request.query.get("limit") ?? "50"), 100);
    const slice = chosen.slice(page * limit, (page + 1) * limit);
    return { body: JSON.stringify(slice), headers: { "content-type": "application/json" } };
  };
}
