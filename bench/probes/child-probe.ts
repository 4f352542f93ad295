import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, TSX_NODE_ARGS, type ChildOutcome } from '../lib/proc.js';
import { ProbeOutputSchema, readJson, type ProbeOutput } from './probe-io.js';

/** The child scripts, relative to the project root. */
export const PROBE_SCRIPTS = {
  inProcess: 'bench/probes/in-process-probe.ts',
  floor: 'bench/probes/floor-probe.ts',
  peer: 'bench/peers/peer-process.ts',
} as const;

/** A child probe's result, or what is known when it did not write one. */
export interface ChildProbeResult {
  outcome: ChildOutcome;
  output: ProbeOutput | undefined;
}

/**
 * Runs one probe script in a fresh node process with the shared job file, bounded in time,
 * and reads back what it wrote (possibly partial, for a peer cut short).
 */
export async function runChildProbe(
  script: string,
  args: readonly string[],
  options: { scratch: string; label: string; timeoutMs: number; nodeArgs?: readonly string[] },
): Promise<ChildProbeResult> {
  const outPath = join(options.scratch, `${options.label}.out.json`);
  const outcome = await runChild(
    process.execPath,
    [...(options.nodeArgs ?? []), ...TSX_NODE_ARGS, script, ...args, outPath],
    {
      timeoutMs: options.timeoutMs,
    },
  );
  const output = existsSync(outPath) ? readJson(ProbeOutputSchema, outPath) : undefined;
  return { outcome, output };
}

/** Like `runChildProbe`, for probes that must finish: anything else throws with the child's stderr. */
export async function runRequiredProbe(
  script: string,
  jobPath: string,
  options: { scratch: string; label: string; timeoutMs: number },
): Promise<ProbeOutput> {
  const { outcome, output } = await runChildProbe(script, [jobPath], options);
  if (outcome.code !== 0 || !output) {
    const why = outcome.timedOut
      ? `timed out after ${options.timeoutMs / 1000} s`
      : `exit ${outcome.code ?? outcome.signal}`;
    throw new Error(`${options.label} probe failed (${why}):\n${outcome.stderr.slice(-3_000)}`);
  }
  return output;
}
