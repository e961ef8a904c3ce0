import type { NextConfig } from "next";

// Headers for every response; the Content-Security-Policy (with a per-request nonce) is set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The workspace packages ship TypeScript sources.
  transpilePackages: ["@paperpulse/db", "@paperpulse/schema", "@paperpulse/scraper"],
  poweredByHeader: false,
  // serve.mjs compresses responses, leaving alone those the page cache keeps compressed.
  compress: false,
  // `pnpm typecheck` (tsc over src, tests and bench) checks types; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default config;
