// npm run demo: the shop example's trace tests, then one test that fails on purpose so you can
// see what a failing trace assertion prints. Exits 0 when the passing suite passed and the
// demonstration failure failed as intended.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const config = 'examples/shop/vitest.config.ts';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);

function run(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--config', config], {
      cwd: root,
      env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

console.log(bold('\n▶ The shop example: trace tests against gateway → orders → inventory, payments\n'));
const passing = await run({ SHOP_DEMO_FAILURE: '0' });

console.log(bold('\n▶ This one fails on purpose: it shows what a failing trace assertion prints.\n'));
const failing = await run({ SHOP_DEMO_FAILURE: '1' });
const plain = failing.output.replace(/\x1b\[[0-9;]*m/g, '');
const failedAsIntended = failing.code === 1 && plain.includes('[fails on purpose]') && /Tests\s+1 failed/.test(plain);

console.log('');
if (passing.code !== 0) console.log(bold('✗ The shop suite failed (see above).'));
else console.log(bold('✓ The shop suite passed.'));
if (failedAsIntended) console.log(bold('✓ The demonstration test failed, as intended.'));
else console.log(bold('✗ The demonstration test did not fail the way it should (see above).'));
process.exit(passing.code === 0 && failedAsIntended ? 0 : 1);
