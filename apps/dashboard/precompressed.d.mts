import type { ServerResponse } from "node:http";
export declare const precompressedHeader: string;
export declare function restorePrecompressed(response: ServerResponse): void;
