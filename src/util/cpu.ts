/**
 * What the running CPU can do, for choosing the fastest model variant and for labelling benchmark figures.
 * Read once from /proc/cpuinfo (Linux); elsewhere only the architecture and core count are known.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The instruction-set extensions that change which ONNX Runtime kernels run (MLAS dispatches on them). */
export const ISA_FLAGS = ['avx2', 'avx512f', 'avx512_vnni', 'avx_vnni', 'avx512_bf16', 'amx_int8', 'amx_bf16'] as const;
export type IsaFlag = (typeof ISA_FLAGS)[number];

export interface CpuInfo {
  model: string;
  arch: string;
  /** Cores this process may use (`os.availableParallelism()`). */
  cores: number;
  /** The `ISA_FLAGS` present, in `ISA_FLAGS` order; empty where /proc/cpuinfo cannot be read. */
  flags: IsaFlag[];
  /** A short label for tables: `AMX`, `AVX-512 VNNI`, `AVX2`, … (the best int8 matrix path present). */
  kind: string;
}

let memo: CpuInfo | undefined;

export function cpuInfo(): CpuInfo {
  if (memo) return memo;
  let text = '';
  try {
    text = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // Not Linux: no flags, the kind falls back to the architecture.
  }
  const field = (name: string): string => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const present = new Set(field('flags').split(/\s+/));
  const flags = ISA_FLAGS.filter((flag) => present.has(flag));
  memo = { model: field('model name') || os.cpus()[0]?.model || 'unknown', arch: os.arch(), cores: os.availableParallelism(), flags, kind: cpuKind(os.arch(), flags) };
  return memo;
}

export function cpuKind(arch: string, flags: readonly IsaFlag[]): string {
  const has = (flag: IsaFlag): boolean => flags.includes(flag);
  if (has('amx_int8')) return 'AMX';
  if (has('avx512_vnni')) return 'AVX-512 VNNI';
  if (has('avx_vnni')) return 'AVX-VNNI';
  if (has('avx512f')) return 'AVX-512';
  if (has('avx2')) return 'AVX2';
  return arch;
}

/**
 * Whether int8 matrix products are faster than fp32 ones on this CPU: with VNNI or AMX (one instruction per
 * 4-way u8×s8 dot product) the int8 model runs 2.2× faster than fp32 (4 × 256 model, AVX-512 VNNI EPYC,
 * bench/results); on AVX2 alone the int8 kernels need three instructions per product plus the dynamic
 * quantization of every activation, and int8 measured no faster than fp32 (AVX2-only EPYC, issue 15), so the
 * exact fp32 weights win. Non-x86 CPUs (ARM: dot-product instructions) get int8.
 */
export function int8IsFaster(info: CpuInfo = cpuInfo()): boolean {
  if (info.arch !== 'x64' && info.arch !== 'ia32') return true;
  return info.flags.some((flag) => flag === 'avx512_vnni' || flag === 'avx_vnni' || flag === 'amx_int8');
}
