// Checks a job and reads its command file once, before any host starts.
import { readFileSync } from 'node:fs';
import { JobError, asClause } from '../errors.js';
import type { Job } from './types.js';

export interface PreparedJob extends Job {
  readonly commands: readonly string[];
}

/** Commands of a command file: one per line; blank lines and lines starting with '#' are skipped. */
export function readCommandFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new JobError(`Cannot read the command file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : asClause((err as Error).message)}.`, { cause: err });
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

export function prepareJob(job: Job): PreparedJob {
  if (typeof job !== 'object' || job === null) throw new JobError('The job must be an object: { commands } , { commandFile } or { task }.');
  if (job.commands !== undefined && (!Array.isArray(job.commands) || job.commands.some((c) => typeof c !== 'string'))) {
    throw new JobError('job.commands must be a list of strings.');
  }
  if (job.task !== undefined && typeof job.task !== 'function') throw new JobError('job.task must be a function (conn, host, ctx) => result.');
  const commands = [...(job.commands ?? []), ...(job.commandFile !== undefined ? readCommandFile(job.commandFile) : [])];
  if (commands.length === 0 && !job.task) throw new JobError('The job has nothing to do: give commands, a command file with commands in it, or a task function.');
  return { ...job, commands };
}
