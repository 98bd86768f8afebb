import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const ADAPTERS = ['memory', 'otlp', 'jaeger', 'zipkin', 'tempo'];

/** What each subpath must export, by name and `typeof`. */
const EXPECTED: Record<string, Record<string, string>> = {
  '.': {
    Trace: 'function',
    PendingTrace: 'function',
    configure: 'function',
    selectSpans: 'function',
    TraceproofSpanProcessor: 'function',
    renderTraceTree: 'function',
    createSpan: 'function',
    BackendError: 'function',
    TraceproofError: 'function',
  },
  './matchers': { traceMatchers: 'object' },
  './adapters/memory': { memoryBackend: 'function' },
  './adapters/otlp': { otlpReceiverBackend: 'function' },
  './adapters/jaeger': { jaegerBackend: 'function' },
  './adapters/zipkin': { zipkinBackend: 'function' },
  './adapters/tempo': { tempoBackend: 'function' },
  './vitest/global-setup': { default: 'function' },
  './jest/global-setup': { default: 'function' },
  './jest/global-teardown': { default: 'function' },
  // Loads outside Jest: it needs only jest-environment-node, an optional peer installed here.
  './jest/environment': { default: 'function' },
  './package.json': { name: 'string', exports: 'object' },
};

/** These register matchers on the runner's own `expect`, so they load only inside that runner. */
const RUNNER_ONLY = ['./vitest', './jest'];

// Run from the folder that holds node_modules/traceproof; prints, per subpath, the names it
// exports and their types, or the error that loading it threw.
const PROBE = `
const describe = (value) => Object.fromEntries(Object.keys(value).sort().map((name) => [name, typeof value[name]]));
exports.probe = async function probe(load, subpaths) {
  const out = {};
  for (const subpath of subpaths) {
    const specifier = 'traceproof' + subpath.slice(1);
    try {
      out[subpath] = { names: describe(await load(specifier)) };
    } catch (error) {
      out[subpath] = { error: String(error && error.stack ? error.stack : error) };
    }
  }
  return out;
};
`;
const PROBE_ESM = `import { probe } from './probe-lib.cjs';
const subpaths = JSON.parse(process.argv[2]);
const load = async (specifier) => {
  if (!specifier.endsWith('/package.json')) return import(specifier);
  return (await import(specifier, { with: { type: 'json' } })).default;
};
const loaded = await probe(load, subpaths);
process.stdout.write(JSON.stringify({ resolved: import.meta.resolve('traceproof'), loaded }));
`;
const PROBE_CJS = `
const { probe } = require('./probe-lib.cjs');
const subpaths = JSON.parse(process.argv[2]);
probe(async (specifier) => require(specifier), subpaths).then((loaded) => {
  process.stdout.write(JSON.stringify({ resolved: require.resolve('traceproof'), loaded }));
});
`;

interface Loaded {
  readonly names?: Record<string, string>;
  readonly error?: string;
}
interface ProbeResult {
  readonly resolved: string;
  readonly loaded: Record<string, Loaded>;
}

/** `npm` itself when the test runs under it, otherwise the one on PATH. */
function npm(args: string[]): [string, string[]] {
  const cli = process.env.npm_execpath;
  return cli && /npm-cli\.c?js$/.test(basename(cli)) ? [process.execPath, [cli, ...args]] : ['npm', args];
}

const bounded = { timeout: 120_000, killSignal: 'SIGKILL' as const, maxBuffer: 16 * 1024 * 1024 };

let scratch = '';
let installed = '';
let pkg: { files: string[]; exports: Record<string, unknown> };
let esm: ProbeResult;
let cjs: ProbeResult;

type Target = string | { [condition: string]: Target };
const targets = (target: Target): string[] => (typeof target === 'string' ? [target] : Object.values(target).flatMap(targets));
const subpaths = (): string[] =>
  Object.keys(pkg.exports).flatMap((s) => (s.includes('*') ? ADAPTERS.map((name) => s.replace('*', name)) : [s]));

describe('the packed tarball (npm pack), installed as node_modules/traceproof', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'index.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds before it runs the tests).');
    }
    // Inside this repository's node_modules, so Node resolves the tarball's own dependencies (and
    // its peers) from here, as it would from a user's node_modules.
    scratch = await mkdtemp(join(root, 'node_modules', '.traceproof-pack-'));
    const [command, args] = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch]);
    await run(command, args, { ...bounded, cwd: root });
    const tarball = (await readdir(scratch)).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack left no .tgz in ${scratch}`);

    installed = join(scratch, 'node_modules', 'traceproof');
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', join(scratch, tarball), '-C', installed, '--strip-components=1'], bounded);
    pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));

    await writeFile(join(scratch, 'probe-lib.cjs'), PROBE);
    await writeFile(join(scratch, 'probe.mjs'), PROBE_ESM);
    await writeFile(join(scratch, 'probe.cjs'), PROBE_CJS);
    const loadable = JSON.stringify(subpaths().filter((s) => !RUNNER_ONLY.includes(s)));
    const probe = async (file: string): Promise<ProbeResult> => {
      const { stdout } = await run(process.execPath, [file, loadable], { ...bounded, timeout: 60_000, cwd: scratch });
      return JSON.parse(stdout) as ProbeResult;
    };
    [esm, cjs] = await Promise.all([probe('probe.mjs'), probe('probe.cjs')]);
  }, 240_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('is what the probes load, not the repository itself', () => {
    expect(esm.resolved).toContain('/.traceproof-pack-');
    expect(cjs.resolved).toContain('/.traceproof-pack-');
  });

  it('has a check for every subpath of its exports map', () => {
    expect(subpaths().filter((s) => !(s in EXPECTED) && !RUNNER_ONLY.includes(s))).toEqual([]);
  });

  it.each(Object.keys(EXPECTED))('%s loads with import and with require, with its documented exports', (subpath) => {
    const expected = EXPECTED[subpath]!;
    for (const [format, result] of [
      ['import', esm],
      ['require', cjs],
    ] as const) {
      const loaded = result.loaded[subpath];
      expect(loaded?.error, `${format}('traceproof${subpath.slice(1)}')`).toBeUndefined();
      const names = loaded?.names ?? {};
      expect(Object.fromEntries(Object.keys(expected).map((name) => [name, names[name]])), format).toEqual(expected);
    }
    expect(Object.keys(cjs.loaded[subpath]?.names ?? {})).toEqual(Object.keys(esm.loaded[subpath]?.names ?? {}));
  });

  it.each(RUNNER_ONLY)('%s (runner only) ships every file its exports entry names, under `files`', (subpath) => {
    const files = targets(pkg.exports[subpath] as Target).map((target) => target.replace(/^\.\//, ''));
    expect(files.length).toBeGreaterThan(0);
    const listed = (file: string): boolean => pkg.files.some((entry) => file === entry || file.startsWith(`${entry.replace(/\/$/, '')}/`));
    expect(files.filter((file) => !listed(file))).toEqual([]);
    expect(files.filter((file) => !existsSync(join(installed, file)))).toEqual([]);
  });
});
