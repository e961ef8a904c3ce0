// The dashboard's HTTP server, run by `pnpm start`, the tests and the benchmark: Next's request handler behind
// node:http, so that the host it listens on is ours to choose (loopback unless HOST says otherwise) and the address
// each request came from is known (peer-address.mjs).
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import { stampPeer } from "./peer-address.mjs";
import { restorePrecompressed } from "./precompressed.mjs";

const dir = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST?.trim() || "127.0.0.1";

// As `next start` does: React and Next pick their production builds from this, read when they load.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
// Opens the database (instrumentation): a server that cannot open it stops here, before it listens.
await app.prepare();

// Compression is done here rather than by Next (next.config.ts turns it off), so that a body the app compressed
// once (an export the page cache keeps) is passed through as it is, not compressed again: see precompressed.mjs.
const compress = compression();

const server = createServer((request, response) => {
  stampPeer(request);
  compress(request, response, () => {
    // Registered after compression's own hook, so it runs first when the headers are written.
    restorePrecompressed(response);
    handle(request, response).catch((error) => {
      console.error(`Request ${request.method} ${request.url} failed: ${error?.stack ?? error}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Internal error.\n");
    });
  });
});
server.on("error", (error) => {
  console.error(`Paperpulse dashboard cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`Paperpulse dashboard: listening on ${hostname}:${port}`);
});
