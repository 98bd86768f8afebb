import { dirname } from 'node:path';

const FRAME_PATH = /\(?((?:file:\/\/)?\/[^()]+?):\d+:\d+\)?\s*$/;

/**
 * The folders traceproof's own code runs from, found from a stack taken inside it: frames
 * there are skipped when looking for the line of the test that called a matcher.
 */
export function ownSourceRoots(stack: string | undefined): string[] {
  const line = (stack ?? '')
    .split('\n')
    .slice(1)
    .find((l) => FRAME_PATH.test(l));
  const file = line ? FRAME_PATH.exec(line)![1]!.replace(/^file:\/\//, '') : undefined;
  if (file === undefined) return [];
  const folder = dirname(file);
  const built = /^(.*)\/dist(?:\/|$)/.exec(folder);
  const root = built ? built[1]! : folder.replace(/\/matchers(?:\/support)?$/, '');
  return ['dist', 'src', 'matchers', 'adapters'].map((room) => `${root}/${room}/`);
}
