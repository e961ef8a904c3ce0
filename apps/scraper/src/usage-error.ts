/**
 * A command asked for something it cannot do: a bad argument, option or environment variable. The CLI answers it
 * with the message and exit code 2, and no run is recorded.
 */
export class UsageError extends Error {
  readonly code = "USAGE";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
