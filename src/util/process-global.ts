/**
 * A value kept once per process on a global object under `Symbol.for('traceproof.<name>')`.
 * Jest gives every test file its own module registry, and the ESM and CommonJS builds are
 * separate copies: a module-level variable would exist once per copy, a registered symbol once
 * per realm.
 * @example const config = processGlobal<TraceproofConfig>('config'); config.get() ?? config.set(defaults())
 */
export interface ProcessGlobal<T> {
  get(): T | undefined;
  set(value: T): T;
  /** The value, made and kept on first use. */
  getOrSet(make: () => T): T;
  clear(): void;
}

export function processGlobal<T>(name: string, holder: object = globalThis): ProcessGlobal<T> {
  const key = Symbol.for(`traceproof.${name}`);
  const slots = holder as Record<symbol, T | undefined>;
  return {
    get: () => slots[key],
    set: (value) => (slots[key] = value),
    getOrSet: (make) => (slots[key] ??= make()),
    clear: () => {
      delete slots[key];
    },
  };
}
