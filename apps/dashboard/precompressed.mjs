import onHeaders from "on-headers";

// A body already compressed by the app (an export the page cache keeps gzipped). Next drops a Content-Encoding set
// by the proxy, so the proxy names the encoding in this header instead; the dashboard's server (serve.mjs) turns it
// back into Content-Encoding as the headers are written, before its compression looks at them and passes the body
// through as it is.
export const precompressedHeader = "x-paperpulse-content-encoding";

/** Restores the Content-Encoding of a precompressed body when the response's headers are written. */
export function restorePrecompressed(response) {
  onHeaders(response, () => {
    const encoding = response.getHeader(precompressedHeader);
    if (encoding === undefined) return;
    response.removeHeader(precompressedHeader);
    response.setHeader("content-encoding", String(encoding));
  });
}
