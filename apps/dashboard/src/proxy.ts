import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/csp";
import { cachedView, isCachedView, renderIntoCache, renderNonceFor, viewKey } from "@/server/page-cache";

/**
 * A fresh CSP nonce per request: set on the request (Next reads it to sign its scripts) and on the response. Views
 * rendered before for the same data and minute are served from the page cache, with a nonce of their own.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Next answers 500 when a dynamic segment (/papers/ID, /orgs/NAME, /runs/ID) is not valid percent-encoded UTF-8
  // (vercel/next.js#92527). No paper, organisation or run has such a path: not found, like any other unknown one.
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse("Not found: the path is not valid percent-encoded UTF-8.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
    });
  }
  const rendering = renderNonceFor(request);
  if (rendering) return pass(request, rendering);
  const nonce = createNonce();
  if (isCachedView(request, request.nextUrl.pathname)) {
    const pathAndQuery = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const key = await viewKey(pathAndQuery);
    if (key) {
      const hit = cachedView(key, nonce);
      if (hit) {
        hit.headers.set("content-security-policy", policyFor(nonce));
        hit.headers.set(cacheHeader, "hit");
        return new NextResponse(hit.body, { status: 200, headers: hit.headers });
      }
      renderIntoCache(key, pathAndQuery);
      const response = pass(request, nonce);
      response.headers.set(cacheHeader, "miss");
      return response;
    }
  }
  return pass(request, nonce);
}

// Says whether a view came from the page cache: for operators and tests.
const cacheHeader = "x-paperpulse-page-cache";

/** On to Next, with the nonce in the request's CSP (Next signs its scripts with it) and the response's. */
function pass(request: NextRequest, nonce: string): NextResponse {
  const policy = policyFor(nonce);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function policyFor(nonce: string): string {
  return contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Build assets are scripts and styles themselves: no policy of their own needed.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
