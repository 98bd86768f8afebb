import { readFileSync } from 'node:fs';

/** The last `lines` lines of a log file, indented, for error messages. */
export function logTail(file, lines = 30) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '    (no log written)';
  }
  const tail = text.trimEnd().split('\n').slice(-lines);
  return tail.length === 1 && tail[0] === '' ? '    (log is empty)' : tail.map((l) => `    ${l}`).join('\n');
}
