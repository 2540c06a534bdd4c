/**
 * An error the user can act on: the launcher prints its message as one line
 * and exits non-zero, without a stack trace.
 */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "LauncherError"
  }
}
