export type * from "./capture.ts";
export { type GroupOrgsResult, groupOrgs } from "./group-orgs.ts";
export { OrgGroupError } from "./org-group-error.ts";
export * from "./runs.ts";
export * from "./save-capture.ts";
export * from "./ungroup-orgs.ts";
