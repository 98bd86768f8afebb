import { fittedTestTimeout } from '../shared/test-timing';

type AnyFunction = (...args: unknown[]) => unknown;

/** Vitest's default test timeout, as its worker holds it (5 s when it cannot be read). */
function vitestTestTimeout(): number | undefined {
  const worker = (globalThis as { __vitest_worker__?: { config?: { testTimeout?: number } } }).__vitest_worker__;
  return worker?.config?.testTimeout ?? 5000;
}

/** Adds the fitted timeout to a registration `(name, fn)` or `(name, options, fn)` that names none. */
function withFittedTimeout(args: unknown[]): unknown[] {
  const [name, second, third] = args;
  if (typeof name !== 'string' && typeof name !== 'function') return args;
  const fitted = fittedTestTimeout(vitestTestTimeout());
  if (fitted === undefined) return args;
  if (typeof second === 'function' && third === undefined) return [name, second, fitted];
  if (typeof second === 'object' && second !== null && typeof third === 'function' && !('timeout' in second)) {
    return [name, { ...second, timeout: fitted }, third];
  }
  return args;
}

/**
 * Vitest's `test` API, giving every test registered through it without a timeout of its own
 * one that fits the configured trace timeout. Modifiers (`.only`, `.concurrent`, `.each(…)`,
 * `.for(…)`, `.skipIf(…)`) keep doing so.
 */
export function fitTimeouts<T extends object>(api: T): T {
  const wrapped = new WeakMap<object, unknown>();
  const wrap = (target: AnyFunction): AnyFunction => {
    const existing = wrapped.get(target);
    if (existing) return existing as AnyFunction;
    const proxy = new Proxy(target, {
      apply(fn, self, args: unknown[]) {
        const out = Reflect.apply(fn, self, withFittedTimeout(args));
        return typeof out === 'function' && (typeof args[0] !== 'string' || args.length < 2) ? wrap(out as AnyFunction) : out;
      },
      get(fn, key, receiver) {
        const value = Reflect.get(fn, key, receiver);
        return typeof value === 'function' && key !== 'toString' ? wrap(value as AnyFunction) : value;
      },
    });
    wrapped.set(target, proxy);
    return proxy;
  };
  return wrap(api as unknown as AnyFunction) as unknown as T;
}
