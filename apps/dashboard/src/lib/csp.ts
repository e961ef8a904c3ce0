/**
 * The Content-Security-Policy of every response. Scripts: only those carrying this response's nonce, and what they
 * load ('strict-dynamic'); Next puts the nonce on its own scripts when it finds it in the request's CSP header.
 * Styles: 'unsafe-inline', because Next and Recharts write style attributes (no script can run through a style).
 * Development adds 'unsafe-eval' for React's debugging tools.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, fresh per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
