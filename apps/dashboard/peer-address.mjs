// The address a request came from, as the socket saw it. Next passes a client's own X-Forwarded-For through
// unchanged, so a caller could choose the address it is counted under; this header is set (overwriting whatever a
// client sent) by the dashboard's server (serve.mjs), where the socket is known.
export const peerHeader = "x-paperpulse-peer";

/** Stamps the socket's address on the request, replacing any value the client sent. */
export function stampPeer(request) {
  request.headers[peerHeader] = request.socket.remoteAddress ?? "unknown";
}
