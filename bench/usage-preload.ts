/**
 * Preloaded (`node --import dist/bench/usage-preload.js`) into a benchmarked child process such as the CLI: when the
 * process exits, its own resource usage is written to the file named by CHRONIQUE_BENCH_USAGE. Only the kernel's
 * counters are read; the CLI itself is not touched.
 */
import { writeFileSync } from 'node:fs';

export interface ChildUsage {
  /** Peak resident set size of the process (KiB). */
  maxRssKiB: number;
  userCpuMs: number;
  systemCpuMs: number;
  /** Milliseconds from process start to exit. */
  uptimeMs: number;
}

const target = process.env.CHRONIQUE_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ChildUsage = { maxRssKiB: usage.maxRSS, userCpuMs: usage.userCPUTime / 1000, systemCpuMs: usage.systemCPUTime / 1000, uptimeMs: performance.now() };
    writeFileSync(target, JSON.stringify(report));
  });
}
