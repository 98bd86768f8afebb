// Tables for stdout and bench/backends/RESULTS.md: every figure comes from the runs passed in.
import { ms, ratio, summarize } from '../lib/stats.mjs';
import { BASELINES, STRATEGIES, TRACEPROOF } from './strategies.mjs';

const runsOf = (backend, strategy) => backend.runs.filter((r) => r.strategy === strategy.id);

function strategyRows(backend) {
  return STRATEGIES.map((strategy) => {
    const runs = runsOf(backend, strategy);
    const ok = runs.filter((r) => !r.error);
    return {
      strategy,
      attempted: runs.length,
      ok: ok.length,
      correct: ok.filter((r) => r.correct).length,
      latency: summarize(ok.map((r) => r.latencyMs)),
      fromTrigger: summarize(ok.map((r) => r.fromTriggerMs)),
      errors: runs.filter((r) => r.error).map((r) => r.error),
    };
  });
}

function ingestRow(backend) {
  const ok = backend.runs.filter((r) => Number.isFinite(r.ingestMs));
  return {
    ingest: summarize(ok.map((r) => r.ingestMs)),
    resolution: summarize(ok.map((r) => r.resolutionMs)),
    probes: summarize(ok.map((r) => r.probes)),
  };
}

const RATIO_FOOTNOTE =
  "n/a: traceproof's median latency is not above zero. †: traceproof's median latency is below the prober's median resolution for that backend, so the latency ratio is mostly noise; the end→verdict ratio is the steadier comparison.";

const spread = (s) => (s.n ? `${ms(s.median)} (${ms(s.min)} … ${ms(s.max)})` : 'n/a');

function resultTable(report) {
  const header = [
    'backend',
    'strategy',
    'verdicts',
    'complete',
    'latency after queryable: median (min … max)',
    'trace end → verdict: median',
  ];
  const rows = [];
  for (const backend of report.measured) {
    for (const row of strategyRows(backend)) {
      rows.push([
        backend.name,
        row.strategy.label,
        `${row.ok}/${row.attempted}`,
        `${row.correct}/${row.ok}`,
        spread(row.latency),
        ms(row.fromTrigger.median),
      ]);
    }
  }
  return { header, rows };
}

function ratioTable(report) {
  const header = [
    'backend',
    'traceproof',
    ...BASELINES.map((b) => `${b.id}: latency ratio`),
    ...BASELINES.map((b) => `${b.id}: end→verdict ratio`),
  ];
  const rows = [];
  for (const backend of report.measured) {
    const byId = new Map(strategyRows(backend).map((r) => [r.strategy.id, r]));
    const resolution = ingestRow(backend).resolution.median;
    for (const t of TRACEPROOF) {
      const mine = byId.get(t.id);
      // A latency below the prober's resolution is mostly measurement noise, and so is its ratio.
      const mark = mine.latency.median > 0 && mine.latency.median < resolution ? ' †' : '';
      rows.push([
        backend.name,
        t.id,
        ...BASELINES.map((b) => {
          const r = ratio(byId.get(b.id).latency.median, mine.latency.median);
          return r === 'n/a' ? r : r + mark;
        }),
        ...BASELINES.map((b) => ratio(byId.get(b.id).fromTrigger.median, mine.fromTrigger.median)),
      ]);
    }
  }
  return { header, rows };
}

function ingestTable(report) {
  const header = [
    'backend',
    'forceFlush done → queryable: median (min … max)',
    'prober resolution: median (max)',
    'probes per trace: median',
  ];
  const rows = report.measured.map((b) => {
    const i = ingestRow(b);
    return [
      b.name,
      spread(i.ingest),
      `${ms(i.resolution.median)} (${ms(i.resolution.max)})`,
      Number.isFinite(i.probes.median) ? String(i.probes.median) : 'n/a',
    ];
  });
  return { header, rows };
}

function plain({ header, rows }) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable({ header, rows }) {
  const esc = (c) => c.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function skippedLines(report) {
  return report.skipped.map((s) => `${s.name}: skipped (${s.reason})`);
}

export function renderConsole(report) {
  const parts = [];
  if (report.measured.length === 0) {
    parts.push('No backend was measured.');
  } else {
    parts.push(
      plain(resultTable(report)),
      '',
      'Ratios (baseline median ÷ traceproof median; > 1 means traceproof reaches its verdict sooner):',
      plain(ratioTable(report)),
      RATIO_FOOTNOTE,
      '',
      plain(ingestTable(report)),
    );
  }
  parts.push(...skippedLines(report));
  parts.push(
    `quiet window ${report.settings.quietWindowMs} ms, deadline ${report.settings.timeoutMs} ms, ${report.settings.traces} traces per strategy per backend`,
  );
  return parts.join('\n');
}

export function renderMarkdown(report) {
  const { machine, settings } = report;
  const out = [
    '# Backend bench: verdict latency against real trace stores',
    '',
    report.partOfNpmRunBench
      ? `Generated by \`npm run bench\` (its last step, \`bench/backends/run.mjs\`), run started ${report.runStartedAt}, the same run that wrote bench/RESULTS.md; every figure below comes from that run.`
      : `Generated by \`node bench/backends/run.mjs\` (after \`npm run build && node scripts/link-self.mjs\`), run started ${report.runStartedAt}; every figure below comes from that run.`,
    '',
    '**Question.** Once a trace is complete and queryable in the store, how long until the test has its verdict?',
    'Each run sends a fresh trace of ' +
      `${settings.spanCount} spans (root + ${settings.spanCount - 1} children, the last child named \`last\`) with the real OpenTelemetry SDK and the backend's own exporter. ` +
      'The moment the root span ends (when a test would have its response), two things start on that trace: the strategy being timed, and a prober that fetches the trace ' +
      `through the traceproof adapter every ${settings.probeIntervalMs} ms and records when the first answer holding all ${settings.spanCount} spans arrived ("queryable at"). ` +
      "Latency = verdict time − queryable time; it can be slightly negative when the strategy's own fetch saw the complete trace before the prober's did, and is reported as is. " +
      "Every strategy gets its own traces, so no strategy sees another's waiting.",
    '',
    '## Machine',
    '',
    `- nproc: ${machine.nproc}, CPU: ${machine.cpu}`,
    `- memory: ${machine.memory}`,
    `- Node ${machine.node}, ${machine.platform}${machine.nodeOptions ? `, NODE_OPTIONS=\`${machine.nodeOptions}\`` : ''}`,
    '- the backends run on the same machine, on 127.0.0.1, started by `scripts/backends/start.sh`',
    '',
    '## Settings',
    '',
    `- traces: ${settings.traces} per strategy per backend; all strategies interleaved in rotating order, one launch every ${settings.staggerMs} ms, slow baselines running concurrently with the rest`,
    `- span processor: ${settings.spanProcessor}`,
    `- SDK: ${settings.sdk}`,
    `- traceproof: quiet window ${settings.quietWindowMs} ms and deadline ${settings.timeoutMs} ms (the library's configuration: \`TRACEPROOF_QUIET_WINDOW\`, \`TRACEPROOF_TIMEOUT\`), polling the adapter with its default backoff`,
    `- prober: starts a fetch every ${settings.probeIntervalMs} ms without waiting for the previous one (at most ${settings.probeMaxInFlight} in flight); "prober resolution" is the time from the start of the latest fetch that still answered incomplete to the first complete answer, the window in which the trace became readable (it includes one fetch's round trip)`,
    '',
    '| backend | version | query API | ingest | exporter |',
    '|---|---|---|---|---|',
    ...report.measured.map(
      (b) =>
        `| ${b.name} | ${b.version} | ${b.spec.queryUrl.url}${b.spec.queryUrl.fromEnv ? '' : ' (default port)'} | ${b.spec.ingestUrl} | ${b.spec.exporterLabel} |`,
    ),
    '',
    '### Strategies',
    '',
    ...STRATEGIES.map((s) => `- **${s.label}**: ${s.describe(settings)}`),
    '',
    'The baselines run the schedules in bench/strategies/ (`tracetest-polling.mjs`, `jest-opentelemetry-polling.mjs`), the same code the shop bench (bench/RESULTS.md) runs, here fetching through the traceproof adapter of each store.',
    '',
  ];
  if (report.measured.length === 0) {
    out.push('## Results', '', 'No backend was measured.', '');
  } else {
    out.push(
      '## Results',
      '',
      '"verdicts": runs that reached a verdict / runs; "complete": verdicts whose trace held all spans (a verdict on an incomplete trace is a wrong answer).',
      '',
      markdownTable(resultTable(report)),
      '',
      '## Ratios against the baselines (same run)',
      '',
      "Baseline median ÷ traceproof median, for the latency after queryable and for the time from the trace's end to the verdict. n/a when the traceproof median is not above zero.",
      '',
      markdownTable(ratioTable(report)),
      '',
      RATIO_FOOTNOTE,
      '',
      '## How fast each store makes a trace queryable',
      '',
      markdownTable(ingestTable(report)),
      '',
    );
    const errors = report.measured.flatMap((b) => b.runs.filter((r) => r.error).map((r) => `- ${b.name} ${r.strategy}: ${r.error}`));
    if (errors.length) out.push('## Failed runs', '', ...errors, '');
  }
  if (report.skipped.length) out.push('## Skipped', '', ...skippedLines(report).map((l) => `- ${l}`), '');
  out.push(`Bench wall time: ${(report.wallMs / 1000).toFixed(1)} s.`, '');
  return out.join('\n');
}
