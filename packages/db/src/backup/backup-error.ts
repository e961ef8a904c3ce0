/** A backup or restore that cannot go on, with what to do about it; nothing was changed when it is thrown. */
export class BackupError extends Error {
  constructor(
    readonly code:
      | "BACKUP_EXISTS"
      | "BACKUP_UNREADABLE"
      | "BACKUP_TOO_NEW"
      | "RESTORE_NOT_EMPTY"
      | "TOOL_MISSING"
      | "TOOL_FAILED",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "BackupError";
  }
}
