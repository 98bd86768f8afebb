import { SelectorSyntaxError } from '../errors';
import { toLooseNumber } from './loose-number';
import type { AttributeFilter, FilterOperator, PseudoClass, SelectorAst, SelectorChain, SelectorLiteral, SpanStep } from './selector-ast';

const SPACE = /\s/;
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.-]/;
const NUMBER = /-?(\d+(\.\d+)?|\.\d+)/y;
const DURATION_UNIT = /(ns|us|µs|ms|s|m|h)(?![A-Za-z0-9_])/y;
const PSEUDO_NAME = /[A-Za-z0-9_-]*/y;
const INTEGER = /\d+/y;
const NANOS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
/** Longest first, so `<=` is not read as `<`. */
const SYMBOL_OPERATORS: readonly FilterOperator[] = ['!=', '<=', '>=', '=~', '=', '<', '>'];
const WORD_OPERATORS: readonly FilterOperator[] = ['not-contains', 'contains'];
const ORDERING: ReadonlySet<FilterOperator> = new Set(['<', '>', '<=', '>=']);
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', n: '\n', r: '\r', t: '\t' };

/**
 * Parses a Tracetest-compatible span selector into a frozen AST, or throws a
 * {@link SelectorSyntaxError} that points at the column where it went wrong.
 * @example parseSelector('span[service.name="api" name=~"GET .*"] span[db.system="postgresql"]:first')
 */
export function parseSelector(source: string): SelectorAst {
  return new SelectorParser(source).parse();
}

class SelectorParser {
  #pos = 0;

  constructor(readonly source: string) {}

  parse(): SelectorAst {
    const chains: SelectorChain[] = [];
    this.skipSpace();
    if (!this.atEnd()) {
      chains.push(this.chain());
      while (this.eat(',')) {
        this.skipSpace();
        chains.push(this.chain());
      }
    }
    return Object.freeze({ source: this.source, chains: Object.freeze(chains) });
  }

  private chain(): SelectorChain {
    const steps: SpanStep[] = [this.step()];
    for (;;) {
      this.skipSpace();
      if (this.atEnd() || this.peek() === ',') return Object.freeze(steps);
      if (!this.source.startsWith('span', this.#pos)) this.fail('`,`, a descendant `span[` or the end of the selector');
      steps.push(this.step());
    }
  }

  private step(): SpanStep {
    if (!this.eat('span')) this.fail('`span[`');
    if (!this.eat('[')) this.fail('`[`');
    const filters: AttributeFilter[] = [];
    this.skipSpace();
    if (!this.eat(']')) {
      for (;;) {
        filters.push(this.filter());
        const spaced = this.skipSpace();
        if (this.eat(']')) break;
        if (this.eat(',')) this.skipSpace();
        else if (!spaced || this.atEnd()) this.fail('`]`');
      }
    }
    const pseudoClass = this.peek() === ':' ? this.pseudoClass() : undefined;
    return Object.freeze({ filters: Object.freeze(filters), ...(pseudoClass ? { pseudoClass } : {}) });
  }

  private filter(): AttributeFilter {
    const attribute = this.name();
    this.skipSpace();
    const operator = this.operator();
    this.skipSpace();
    const valueColumn = this.column();
    const value = this.literal();
    if (operator === '=~') {
      if (typeof value !== 'string') this.fail('a quoted regular expression', valueColumn);
      return Object.freeze({ attribute, operator, value, pattern: this.regExp(value, valueColumn) });
    }
    if (ORDERING.has(operator) && (typeof value === 'boolean' || toLooseNumber(value) === undefined)) {
      this.fail('a number', valueColumn);
    }
    return Object.freeze({ attribute, operator, value });
  }

  private name(): string {
    const start = this.#pos;
    if (!NAME_START.test(this.peek())) this.fail('an attribute name');
    while (NAME_PART.test(this.peek())) this.#pos++;
    return this.source.slice(start, this.#pos);
  }

  private operator(): FilterOperator {
    for (const op of WORD_OPERATORS) {
      if (this.source.startsWith(op, this.#pos) && !NAME_PART.test(this.source.charAt(this.#pos + op.length))) {
        this.#pos += op.length;
        return op;
      }
    }
    for (const op of SYMBOL_OPERATORS) if (this.eat(op)) return op;
    return this.fail('an operator (=, !=, <, >, <=, >=, =~, contains or not-contains)');
  }

  private literal(): SelectorLiteral {
    if (this.peek() === '"') return this.string();
    const number = this.match(NUMBER);
    if (number !== undefined) return this.numberWithUnit(number);
    for (const word of ['true', 'false'] as const) {
      if (this.source.startsWith(word, this.#pos) && !NAME_PART.test(this.source.charAt(this.#pos + word.length))) {
        this.#pos += word.length;
        return word === 'true';
      }
    }
    return this.fail('a quoted string, number or boolean');
  }

  private string(): string {
    const openColumn = this.column();
    this.#pos++;
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail(`\`"\` to close the string opened at column ${openColumn}`);
      const ch = this.source.charAt(this.#pos++);
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      if (this.atEnd()) this.fail(`\`"\` to close the string opened at column ${openColumn}`);
      const next = this.source.charAt(this.#pos);
      const hex = /^u[0-9a-fA-F]{4}/.exec(this.source.slice(this.#pos, this.#pos + 5));
      if (hex) {
        out += String.fromCharCode(parseInt(hex[0].slice(1), 16));
        this.#pos += 5;
      } else if (Object.hasOwn(ESCAPES, next)) {
        out += ESCAPES[next];
        this.#pos++;
      } else {
        // Kept verbatim so regular expressions read naturally: "\d+" means \d+.
        out += '\\';
      }
    }
  }

  private numberWithUnit(text: string): number | bigint {
    const unit = this.match(DURATION_UNIT);
    if (unit !== undefined) return Number(text) * (NANOS_PER_UNIT[unit] ?? 1);
    const n = Number(text);
    return Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : BigInt(text);
  }

  private regExp(source: string, column: number): RegExp {
    try {
      return new RegExp(source);
    } catch (error) {
      return this.fail(`a valid regular expression (${(error as Error).message})`, column);
    }
  }

  private pseudoClass(): PseudoClass {
    const colonColumn = this.column();
    this.#pos++;
    const name = this.match(PSEUDO_NAME) ?? '';
    if (name === 'first' || name === 'last') return Object.freeze({ kind: name });
    if (name !== 'nth_child') {
      const found = name === '' ? '' : ` (unknown pseudo-class \`:${name}\`)`;
      return this.fail(`:first, :last or :nth_child(n)${found}`, colonColumn);
    }
    this.skipSpace();
    if (!this.eat('(')) this.fail('`(`');
    this.skipSpace();
    const nColumn = this.column();
    const digits = this.match(INTEGER);
    const n = digits === undefined ? 0 : Number(digits);
    if (n < 1) this.fail('a positive integer (nth_child counts from 1)', nColumn);
    this.skipSpace();
    if (!this.eat(')')) this.fail('`)`');
    return Object.freeze({ kind: 'nth_child', n });
  }

  private skipSpace(): boolean {
    const start = this.#pos;
    while (SPACE.test(this.peek())) this.#pos++;
    return this.#pos > start;
  }

  private eat(text: string): boolean {
    if (!this.source.startsWith(text, this.#pos)) return false;
    this.#pos += text.length;
    return true;
  }

  private match(sticky: RegExp): string | undefined {
    sticky.lastIndex = this.#pos;
    const found = sticky.exec(this.source);
    if (!found) return undefined;
    this.#pos += found[0].length;
    return found[0];
  }

  private peek(): string {
    return this.source.charAt(this.#pos);
  }

  private atEnd(): boolean {
    return this.#pos >= this.source.length;
  }

  private column(): number {
    return this.#pos + 1;
  }

  private fail(expected: string, column = this.column()): never {
    throw new SelectorSyntaxError(this.source, column, expected);
  }
}
