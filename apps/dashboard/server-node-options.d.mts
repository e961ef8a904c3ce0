export declare const serverNodeOptions: string;
export declare function withServerNodeOptions(existing: string | undefined): string;
