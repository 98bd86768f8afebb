import { TraceproofError } from '../../src/errors';
import type { MatcherContext } from './matcher-context';

/** A matcher called with something that is not a trace, or with bad arguments. */
export class TraceUsageError extends TraceproofError {
  override name = 'TraceUsageError';
  constructor(context: MatcherContext, matcherName: string, problem: string, value: unknown, valueName = 'received') {
    super(
      `${context.utils.matcherHint(matcherName, undefined, undefined, { isNot: context.isNot })}\n\n` +
        `${problem}\n${valueName === 'received' ? 'Received' : 'Got'}: ${context.utils.printReceived(value)}`,
    );
  }
}
