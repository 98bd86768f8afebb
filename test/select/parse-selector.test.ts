import { describe, expect, it } from 'vitest';
import { SelectorSyntaxError, TraceproofError } from '../../src/errors';
import { parseSelector } from '../../src/select/parse-selector';
import type { FilterOperator } from '../../src/select/selector-ast';

function syntaxError(selector: string): SelectorSyntaxError {
  try {
    parseSelector(selector);
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${selector} not to parse`);
}

describe('parseSelector', () => {
  it('parses chains, steps, filters and pseudo-classes', () => {
    expect(parseSelector('span[service.name="api" name=~"GET .*"] span[db.system="postgresql"]:first, span[]')).toEqual({
      source: 'span[service.name="api" name=~"GET .*"] span[db.system="postgresql"]:first, span[]',
      chains: [
        [
          {
            filters: [
              { attribute: 'service.name', operator: '=', value: 'api' },
              { attribute: 'name', operator: '=~', value: 'GET .*', pattern: /GET .*/ },
            ],
          },
          { filters: [{ attribute: 'db.system', operator: '=', value: 'postgresql' }], pseudoClass: { kind: 'first' } },
        ],
        [{ filters: [] }],
      ],
    });
  });

  it('parses no chains from an empty or blank selector', () => {
    expect(parseSelector('').chains).toEqual([]);
    expect(parseSelector(' \t\n').chains).toEqual([]);
  });

  it.each<[string, FilterOperator]>([
    ['a="1"', '='],
    ['a!="1"', '!='],
    ['a<1', '<'],
    ['a>1', '>'],
    ['a<=1', '<='],
    ['a>=1', '>='],
    ['a=~"1"', '=~'],
    ['a contains "1"', 'contains'],
    ['a not-contains "1"', 'not-contains'],
    ['a contains"1"', 'contains'],
  ])('reads the operator of span[%s]', (filter, operator) => {
    expect(parseSelector(`span[${filter}]`).chains[0]?.[0]?.filters[0]?.operator).toBe(operator);
  });

  it.each<[string, unknown]>([
    ['"text"', 'text'],
    ['""', ''],
    ['200', 200],
    ['-3', -3],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['true', true],
    ['false', false],
    ['1700000000000000001', 1700000000000000001n],
    ['250ms', 250_000_000],
    ['1.5s', 1_500_000_000],
    ['2m', 120_000_000_000],
    ['1h', 3_600_000_000_000],
    ['10us', 10_000],
    ['10µs', 10_000],
    ['7ns', 7],
  ])('reads the literal %s', (literal, value) => {
    expect(parseSelector(`span[a=${literal}]`).chains[0]?.[0]?.filters[0]?.value).toEqual(value);
  });

  it('reads nth_child with spaces inside the parentheses', () => {
    expect(parseSelector('span[]:nth_child( 12 )').chains[0]?.[0]?.pseudoClass).toEqual({ kind: 'nth_child', n: 12 });
    expect(parseSelector('span[]:last').chains[0]?.[0]?.pseudoClass).toEqual({ kind: 'last' });
  });

  it('keeps unknown escapes verbatim, so regular expressions need no double escaping', () => {
    expect(parseSelector(String.raw`span[a=~"\d+\.\w"]`).chains[0]?.[0]?.filters[0]?.pattern).toEqual(/\d+\.\w/);
    expect(parseSelector(String.raw`span[a="\u00e9\/"]`).chains[0]?.[0]?.filters[0]?.value).toBe('é/');
  });

  it('returns a frozen tree', () => {
    const ast = parseSelector('span[a="1"]:first span[b="2"]');
    expect(Object.isFrozen(ast)).toBe(true);
    expect(Object.isFrozen(ast.chains)).toBe(true);
    expect(Object.isFrozen(ast.chains[0])).toBe(true);
    expect(Object.isFrozen(ast.chains[0]?.[0])).toBe(true);
    expect(Object.isFrozen(ast.chains[0]?.[0]?.filters)).toBe(true);
    expect(Object.isFrozen(ast.chains[0]?.[0]?.filters[0])).toBe(true);
    expect(Object.isFrozen(ast.chains[0]?.[0]?.pseudoClass)).toBe(true);
  });
});

describe('parseSelector syntax errors', () => {
  it('say where and what was expected, with a caret under the column', () => {
    const error = syntaxError('span[name="x"');
    expect(error).toBeInstanceOf(TraceproofError);
    expect(error.name).toBe('SelectorSyntaxError');
    expect(error.selector).toBe('span[name="x"');
    expect(error.column).toBe(14);
    expect(error.message).toBe(`[traceproof] Invalid span selector at column 14: expected \`]\`.\n  span[name="x"\n  ${' '.repeat(13)}^`);
  });

  it.each<[string, number, string]>([
    ['span[name="x"', 14, '`]`'],
    ['span[a="x"b="y"]', 11, '`]`'],
    ['span[a="x" ', 12, '`]`'],
    ['span[="x"]', 6, 'an attribute name'],
    ['span[a="x",]', 12, 'an attribute name'],
    ['span[1a="x"]', 6, 'an attribute name'],
    ['span[name "x"]', 11, 'an operator (=, !=, <, >, <=, >=, =~, contains or not-contains)'],
    ['span[name]', 10, 'an operator (=, !=, <, >, <=, >=, =~, contains or not-contains)'],
    ['span[name containing "x"]', 11, 'an operator (=, !=, <, >, <=, >=, =~, contains or not-contains)'],
    ['span[name=]', 11, 'a quoted string, number or boolean'],
    ["span[name='x']", 11, 'a quoted string, number or boolean'],
    ['span[name=x]', 11, 'a quoted string, number or boolean'],
    ['span[name="x', 13, '`"` to close the string opened at column 11'],
    ['span[name="x\\', 14, '`"` to close the string opened at column 11'],
    ['span[tracetest.span.type="http"]:frist', 33, ':first, :last or :nth_child(n) (unknown pseudo-class `:frist`)'],
    ['span[a="x"]:nth-child(2)', 12, ':first, :last or :nth_child(n) (unknown pseudo-class `:nth-child`)'],
    ['span[a="x"]:', 12, ':first, :last or :nth_child(n)'],
    ['span[a="x"]:nth_child', 22, '`(`'],
    ['span[a="x"]:nth_child(2', 24, '`)`'],
    ['span[a="x"]:nth_child(0)', 23, 'a positive integer (nth_child counts from 1)'],
    ['span[a="x"]:nth_child(-1)', 23, 'a positive integer (nth_child counts from 1)'],
    ['span[a="x"]:nth_child()', 23, 'a positive integer (nth_child counts from 1)'],
    ['spam[name="x"]', 1, '`span[`'],
    ['[name="x"]', 1, '`span[`'],
    [', span[a="1"]', 1, '`span[`'],
    ['span[a="x"],', 13, '`span[`'],
    ['span[a="x"], ,span[]', 14, '`span[`'],
    ['span', 5, '`[`'],
    ['span [a="x"]', 5, '`[`'],
    ['span[a="x"] b', 13, '`,`, a descendant `span[` or the end of the selector'],
    ['span[a="x"]:first:last', 18, '`,`, a descendant `span[` or the end of the selector'],
    ['span[a="x"]]', 12, '`,`, a descendant `span[` or the end of the selector'],
    ['span[a=~1]', 9, 'a quoted regular expression'],
    ['span[a=~"("]', 9, 'a valid regular expression (Invalid regular expression: /(/: Unterminated group)'],
    ['span[a<"abc"]', 8, 'a number'],
    ['span[a>=true]', 9, 'a number'],
  ])('%s → column %i, expected %s', (selector, column, expected) => {
    const error = syntaxError(selector);
    expect({ column: error.column, message: error.message.split('\n')[0] }).toEqual({
      column,
      message: `[traceproof] Invalid span selector at column ${column}: expected ${expected}.`,
    });
  });
});
