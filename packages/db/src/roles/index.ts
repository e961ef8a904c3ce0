export * from "./grant-reader.ts";
export * from "./reader-names.ts";
export { scramVerifier } from "./scram-verifier.ts";
