import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to the caller (`name` without extension, resolved against `base`, the
 * caller's import.meta.url). Under tsx (sources run as .ts) a bootstrap registers tsx in the worker first: Node 20
 * workers do not inherit `--import tsx`.
 */
export function spawnModuleWorker(base: string, name: string, workerData: unknown): Worker {
  const runningFromSources = base.endsWith('.ts');
  const script = new URL(`${name}.${runningFromSources ? 'ts' : 'js'}`, base);
  if (!runningFromSources) return new Worker(script, { workerData });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
