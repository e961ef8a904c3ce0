import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/csp";

/** A fresh CSP nonce per request: set on the request (Next reads it to sign its scripts) and on the response. */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Build assets are scripts and styles themselves: no policy of their own needed.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
