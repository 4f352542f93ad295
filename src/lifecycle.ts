/** How long in-flight requests get to finish after SIGTERM before their connections are closed. */
export const SHUTDOWN_GRACE_MS = 8_000;
/** Past this, a process exits even if closing the engine hangs (orchestrators kill at ~10 s). */
export const SHUTDOWN_HARD_LIMIT_MS = 9_500;

/** A start-up failure as the one line an operator reads (no stack). */
export function startupFailureLine(error: unknown): string {
  return `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
}
