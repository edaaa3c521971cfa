/** The command line keeps no defaults of its own: each flag's default is the configuration's (src/config.ts). */
import { describe, expect, it } from 'vitest';
import { buildProgram, CLI_DEFAULTS, configFromOptions, type RunOptions } from '../../src/cli.js';
import { resolveConfig } from '../../src/config.js';

/** The option values of `chronique NAME` given no flag but `required` (parsed by the real program, its action not run). */
function defaultsOf(name: string, required: string[] = []): Record<string, unknown> {
  const program = buildProgram();
  const command = program.commands.find((c) => c.name() === name);
  if (!command) throw new Error(`no command ${name}`);
  command.action(() => undefined);
  program.parse([name, ...required], { from: 'user' });
  return command.opts();
}

describe('CLI defaults', () => {
  it.each(['run', 'regenerate'])('`%s` without flags asks for the default configuration', (name) => {
    expect(configFromOptions(defaultsOf(name) as unknown as RunOptions)).toEqual(resolveConfig({}));
  });

  it.each([
    ['run', Object.keys(CLI_DEFAULTS)],
    ['regenerate', Object.keys(CLI_DEFAULTS)],
    // A worker's `--concurrency` counts its article threads, not the articles a run keeps in flight.
    ['worker', ['dtype', 'batchSize', 'lang', 'timeoutMs']],
  ])('every flag of `%s` that stands for a setting defaults to CLI_DEFAULTS', (name, keys) => {
    const defaults = defaultsOf(name, name === 'worker' ? ['--queue', 'redis://localhost:6379'] : []);
    for (const key of keys) expect(defaults[key], `--${key}`).toEqual(CLI_DEFAULTS[key as keyof typeof CLI_DEFAULTS]);
  });
});
