import type { IncomingMessage } from "node:http";
export declare const peerHeader: string;
export declare function stampPeer(request: IncomingMessage): void;
