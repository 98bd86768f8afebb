/**
 * The house rule: arrows point down. Runner entries (the doors: src/runners, src/cli and the root
 * API src/index.ts) → matchers/ and adapters/ → the core (the rest of src/).
 *
 * Run from the repository root over the library folders:
 *   depcruise src matchers adapters --config .dependency-cruiser.cjs
 * Paths below are relative to the folder it runs in, so the same file checks
 * test/fixtures/dependency-rule/ when run from there.
 *
 * Type-only imports (`import type`, `export type`, `import { type A }`) are part of the graph, so
 * the layer rules see them: a type that points up still ties a lower layer to a higher one, and a
 * runner package named in a type would reach the published .d.ts of every entry. They vanish at
 * runtime, though, so a loop that only closes through them is not a circular import.
 */

const DOORS = ['^src/runners/', '^src/cli/', '^src/index\\.ts$'];
const MATCHERS = '^matchers/';
const ADAPTERS = '^adapters/';
// Resolved into node_modules (at any depth, so a fixture below the root resolves the same way),
// or the bare name when it cannot be resolved.
const RUNNER_NAMES = '(vitest|jest|@jest/[^/]+|jest-environment-node|expect)';
const RUNNER_PACKAGES = [`(^|/)node_modules/${RUNNER_NAMES}/`, `^${RUNNER_NAMES}(/|$)`];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-upper-layers',
      severity: 'error',
      comment: 'The core (src/ outside the doors) must not import matchers/, adapters/ or a runner entry: arrows point down.',
      from: { path: '^src/', pathNot: DOORS },
      to: { path: [MATCHERS, ADAPTERS, ...DOORS] },
    },
    {
      name: 'matchers-not-to-doors',
      severity: 'error',
      comment: 'matchers/ sits below the runner entries: it must not import src/runners, src/cli or src/index.ts.',
      from: { path: MATCHERS },
      to: { path: DOORS },
    },
    {
      name: 'adapters-not-to-doors',
      severity: 'error',
      comment: 'adapters/ sits below the runner entries: it must not import src/runners, src/cli or src/index.ts.',
      from: { path: ADAPTERS },
      to: { path: DOORS },
    },
    {
      name: 'matchers-not-to-adapters',
      severity: 'error',
      comment: 'matchers/ and adapters/ are side by side: a matcher works on a fetched Trace, whichever backend it came from.',
      from: { path: MATCHERS },
      to: { path: ADAPTERS },
    },
    {
      name: 'adapters-not-to-matchers',
      severity: 'error',
      comment: 'matchers/ and adapters/ are side by side: an adapter fetches traces and knows nothing of assertions.',
      from: { path: ADAPTERS },
      to: { path: MATCHERS },
    },
    {
      name: 'no-runner-package-below-doors',
      severity: 'error',
      comment:
        'Only src/runners may import vitest, jest, @jest/*, jest-environment-node or expect: everything below works under either runner.',
      from: { pathNot: ['^src/runners/'] },
      to: { path: RUNNER_PACKAGES },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circular import. Loops that close only through type-only imports are allowed: those vanish at runtime.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^dist/' },
    // Parse with the TypeScript compiler before it removes type-only imports, so the graph has them
    // (marked `type-only`); the rules above decide where they count.
    tsPreCompilationDeps: true,
    // The sources import each other without an extension (`../trace/trace`).
    enhancedResolveOptions: {
      extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
};
