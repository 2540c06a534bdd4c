/**
 * A failure of a backup or restore that the operator can act on: the scripts
 * print its message as one line and exit non-zero, without a stack trace.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "BackupError"
  }
}
