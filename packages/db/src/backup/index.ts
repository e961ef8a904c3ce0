export * from "./back-up.ts";
export * from "./backup-error.ts";
export { type BackupFormat, detectFormat, formatNames } from "./open-backup.ts";
export * from "./restore-backup.ts";
