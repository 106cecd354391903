// Asking on the terminal: the question goes to stderr, hidden answers are read in
// raw mode without echo. Ctrl-C or end of input refuse the question.
import type { AskFunction } from '@netx/fleet';
import { UsageError, type CliIo } from './io.js';

export function terminalAsk(io: CliIo): AskFunction {
  return (question, { hidden }) =>
    new Promise<string>((resolve, reject) => {
      const input = io.stdin;
      io.stderr.write(question);
      let answer = '';
      const raw = hidden && input.isTTY === true && typeof input.setRawMode === 'function';
      if (raw) input.setRawMode!(true);
      const done = (err?: Error) => {
        input.removeListener('data', onData);
        input.removeListener('end', onEnd);
        if (raw) input.setRawMode!(false);
        input.pause();
        io.stderr.write('\n');
        if (err) reject(err);
        else resolve(answer);
      };
      const onEnd = () => done(new UsageError('No answer (end of input) to: ' + question.trim()));
      const onData = (chunk: Buffer | string) => {
        for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003') return done(new UsageError('Cancelled (Ctrl-C).'));
          if (ch === '\u0004') return onEnd();
          if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
          else answer += ch;
        }
      };
      input.on('data', onData);
      input.on('end', onEnd);
      input.resume();
    });
}
