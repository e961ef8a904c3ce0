// The scraper's testing entry (`@paperpulse/scraper/testing`): synthetic archives and a local Hugging Face server
// for tests, benchmarks and screenshots of other packages. Never imported by production code.
export * from "./hf-test-server.ts";
export * from "./synthetic-archive.ts";
