#!/usr/bin/env node
// `npm test`: every suite in turn, then one closing line `N passed, N failed` over all of them.
// Static checks count as one test each; vitest and Playwright report their own counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

function counted(title, command, args, reportFile, read) {
  rmSync(reportFile, { force: true });
  const ok = run(title, command, args);
  if (!existsSync(reportFile)) {
    failed++;
    failures.push(`${title} (no report written)`);
    return;
  }
  const counts = read(JSON.parse(readFileSync(reportFile, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (counts.failed > 0 || !ok) failures.push(title);
  if (!ok && counts.failed === 0) failed++;
}

check('build', 'npm', ['run', '--silent', 'build']);
check('lint', 'npx', ['eslint', '.']);
check('types: service, electron, tests', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('types: UI tests (Playwright)', 'npx', ['tsc', '-p', 'test/e2e/tsconfig.json']);
check('types: engine (no Node, no DOM)', 'npx', ['tsc', '-p', 'engine/tsconfig.json']);
check('types: renderer (svelte-check)', 'npx', ['svelte-check', '--tsconfig', 'renderer/tsconfig.json', '--fail-on-warnings']);

counted(
  'engine, service and console tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`],
  `${RESULTS}/vitest.json`,
  (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }),
);
// Every built-in pack must prove itself: checks fail at the start, solutions pass, mutants fail.
for (const pack of readdirSync('lessons', { withFileTypes: true })) {
  if (pack.isDirectory() && existsSync(`lessons/${pack.name}/pack.yaml`)) {
    check(`pack proof: lessons/${pack.name}`, process.execPath, ['bin/ipsec-lab.js', 'test', `lessons/${pack.name}`]);
  }
}

counted(
  'UI tests in Chromium (Playwright)',
  'npx',
  ['playwright', 'test'],
  `${RESULTS}/e2e.json`,
  (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }),
);

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
if (skipped) console.log(`(${skipped} skipped, each with its reason above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
