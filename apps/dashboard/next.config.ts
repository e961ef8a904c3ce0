import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The workspace packages ship TypeScript sources.
  transpilePackages: ["@paperpulse/db", "@paperpulse/schema", "@paperpulse/scraper"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
