import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/csp";

/** A fresh CSP nonce per request: set on the request (Next reads it to sign its scripts) and on the response. */
export function proxy(request: NextRequest): NextResponse {
  // Next answers 500 when a dynamic segment (/papers/ID, /orgs/NAME, /runs/ID) is not valid percent-encoded UTF-8
  // (vercel/next.js#92527). No paper, organisation or run has such a path: not found, like any other unknown one.
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse("Not found: the path is not valid percent-encoded UTF-8.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
    });
  }
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
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
