import { hostname } from "node:os";
import { peerHeader } from "../../peer-address.mjs";
import type { Env } from "./env";

// Where the dashboard can be reached from, and which requests it takes as addressed to itself. Kept free of Next so
// that it is unit-tested; the server reads the same HOST (serve.mjs) and `pnpm start` prints the URL.

type NetworkEnv = Pick<Env, "HOST" | "PAPERPULSE_ALLOWED_HOSTS" | "PAPERPULSE_TRUST_PROXY">;

const loopbackNames = ["localhost", "127.0.0.1", "::1"];

/** A host name or address that only this machine reaches (localhost, 127.0.0.0/8, ::1). */
export function isLoopback(host: string): boolean {
  const name = unbracket(host.trim().toLowerCase());
  return (
    name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/** Whether others can reach the dashboard: it listens beyond loopback, or a reverse proxy forwards to it. */
export function isReachableBeyondLoopback(env: NetworkEnv): boolean {
  return env.PAPERPULSE_TRUST_PROXY || !isLoopback(env.HOST);
}

/**
 * The host names requests may be addressed to: PAPERPULSE_ALLOWED_HOSTS, else the loopback names and HOST itself
 * (listening on every interface, this machine's name: the URL `pnpm start` prints).
 */
export function allowedHosts(env: NetworkEnv): string[] {
  if (env.PAPERPULSE_ALLOWED_HOSTS && env.PAPERPULSE_ALLOWED_HOSTS.length > 0) {
    return env.PAPERPULSE_ALLOWED_HOSTS.map((host) => unbracket(host));
  }
  const host = unbracket(env.HOST.trim().toLowerCase());
  if (loopbackNames.includes(host)) return loopbackNames;
  return [...loopbackNames, isWildcard(host) ? hostname().toLowerCase() : host];
}

/** The name in a Host header (or X-Forwarded-Host behind a trusted proxy), without its port; null when absent. */
export function requestHost(headers: Headers, env: NetworkEnv): string | null {
  const value = addressedTo(headers, env);
  return value ? hostName(value) : null;
}

/** The host (and port) a request was addressed to: Host, or behind a trusted proxy its first X-Forwarded-Host. */
function addressedTo(headers: Headers, env: NetworkEnv): string | undefined {
  const forwarded = env.PAPERPULSE_TRUST_PROXY ? headers.get("x-forwarded-host")?.split(",")[0] : undefined;
  return (forwarded ?? headers.get("host"))?.trim().toLowerCase() || undefined;
}

/**
 * The origin readers reached this server under, for absolute links (feeds): the address the request was sent to
 * when it is an allowed host (behind a trusted proxy, with its forwarded scheme), else this server's own URL, so
 * that a forged Host header cannot put another site's links in an answer.
 */
export function publicOrigin(headers: Headers, env: NetworkEnv & Pick<Env, "PORT">): string {
  const host = addressedTo(headers, env);
  if (!host || !isAllowedHost(headers, env)) return selfUrl(env);
  const forwarded = env.PAPERPULSE_TRUST_PROXY
    ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim()
    : undefined;
  return `${forwarded === "https" ? "https" : "http"}://${host}`;
}

/** Whether a request was addressed to one of the allowed host names. */
export function isAllowedHost(headers: Headers, env: NetworkEnv): boolean {
  const host = requestHost(headers, env);
  return host !== null && allowedHosts(env).includes(host);
}

/**
 * A request a browser sent from another site: `Sec-Fetch-Site` other than same-origin (or none: typed by the
 * user), or an `Origin` that is not the host the request was addressed to. Requests without either header (curl,
 * scripts) are not cross-site; state-changing ones still need the allowed Host and, beyond loopback, the token.
 */
export function isCrossSite(headers: Headers, env: NetworkEnv): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const addressed = addressedTo(headers, env);
  return addressed === undefined || addressed !== originHost;
}

/**
 * The client a request counts against: the socket's address, or behind a trusted proxy the last address it
 * appended to X-Forwarded-For (earlier entries are whatever the client sent, so anyone's to choose).
 */
export function clientKey(headers: Headers, env: NetworkEnv): string {
  if (env.PAPERPULSE_TRUST_PROXY) {
    const hops = headers.get("x-forwarded-for")?.split(",") ?? [];
    const last = hops.at(-1)?.trim();
    if (last) return last.slice(0, 64);
  }
  return headers.get(peerHeader)?.trim().slice(0, 64) || "unknown";
}

/** The URL the server reaches itself on (page-cache renders): loopback when it listens there or everywhere. */
export function selfUrl(env: NetworkEnv & Pick<Env, "PORT">): string {
  const host = unbracket(env.HOST.trim().toLowerCase());
  if (host === "::1") return `http://[::1]:${env.PORT}`;
  if (isWildcard(host) || isLoopback(host)) return `http://127.0.0.1:${env.PORT}`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "";
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** "example.org:3000" → "example.org", "[::1]:3000" → "::1". */
function hostName(value: string): string {
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end === -1 ? value : value.slice(1, end);
  }
  const colon = value.lastIndexOf(":");
  return colon === -1 ? value : value.slice(0, colon);
}

/**
 * Why a state-changing request (any method but GET, HEAD and OPTIONS) is refused, or null: it must be addressed to
 * an allowed host (no DNS rebinding) and come from this dashboard's own pages or from a script (no cross-site form).
 */
export function refuseStateChange(headers: Headers, env: NetworkEnv): string | null {
  if (!isAllowedHost(headers, env)) {
    const host = requestHost(headers, env) ?? "(none)";
    return `Host "${host}" is not one this dashboard answers state-changing requests for (allowed: ${allowedHosts(env).join(", ")}; set PAPERPULSE_ALLOWED_HOSTS to add names).`;
  }
  if (isCrossSite(headers, env))
    return "Cross-site request refused: only this dashboard's own pages may send it.";
  return null;
}
