// The lab's experiment 3 (parallel schedule exploration) alone, in headless
// Chromium on the served page, for the "1 → 2 workers" figure:
//
//   node tests/e2e/lab_explore_bench.mjs [--rounds N] [--repeats N] [--dist DIR]
//
// Needs dist/ and the server binary (`./x dist`, `cargo build --release
// --bin interleave`). First a control: the page's prime-counting kernel on
// one worker and on the pool (no allocation in its loop), what the cores
// give right now. Then each round clicks the experiment's button once with
// 2 workers and N repeats per worker count (the page runs 1 worker N
// times, then 2 workers N times); every run's schedules/s is printed, then
// the best and the median per worker count over all rounds, their ratios,
// and the best and median of the rounds' own ratios (1 and 2 workers
// measured back to back, so the least sensitive to a load that changes).
// Not a test (the file is not *.test.mjs): a benchmark for a quiet machine.

import { DIST, browser, serve } from './harness.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const rounds = arg('rounds', 5);
const distAt = process.argv.indexOf('--dist');
const dist = distAt > 0 ? process.argv[distAt + 1] : DIST;
const repeats = arg('repeats', 1);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const server = await serve(dist);
const ctx = await browser();
try {
  const page = await ctx.newPage();
  await page.goto(`${server.url}/?workers=2`);
  const status = page.locator('#status');
  await status.waitFor({ timeout: 30_000 });
  const build = await status.getAttribute('data-build');
  const workers = Number(await status.getAttribute('data-workers'));
  if (build !== 'threads' || workers < 2) throw new Error(`build ${build}, ${workers} workers`);
  await page.selectOption('#lab-max-workers', '2');
  await page.selectOption('#lab-repeats', String(repeats));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`lab explore in Chromium: ${cores} cores, pool of ${workers}, ${rounds} rounds × ${repeats} repeats`);
  // The control: the page's prime-counting kernel on one worker and on the
  // pool, no allocation in its loop: what the cores give right now.
  await page.click('#lab-run');
  await page.locator('#lab[data-state="done"]').waitFor({ timeout: 300_000 });
  const control = Number(await page.locator('#lab-speedup').getAttribute('data-value'));
  console.log(`  control: primes on the pool vs one worker x${control.toFixed(2)}`);
  const by = { 1: [], 2: [] };
  const ratios = [];
  for (let round = 1; round <= rounds; round += 1) {
    await page.click('#lab-explore-run');
    await page.locator('#lab-exp[data-state="running"][data-experiment="explore"]').waitFor({ timeout: 10_000 });
    await page.locator('#lab-exp[data-state="done"][data-experiment="explore"]').waitFor({ timeout: 600_000 });
    const runs = JSON.parse(await page.locator('#lab-explore-data').textContent());
    for (const r of runs) by[r.workers].push(r.per_second);
    const rate = (w) => median(runs.filter((r) => r.workers === w).map((r) => r.per_second));
    ratios.push(rate(2) / rate(1));
    console.log(`  round ${round}: ${runs.map((r) => `${r.workers}w ${r.per_second.toFixed(1)}/s` +
      ` [${r.runs_per_lane.join('+')}]`).join(', ')}`);
  }
  const [b1, b2] = [Math.max(...by[1]), Math.max(...by[2])];
  const [m1, m2] = [median(by[1]), median(by[2])];
  console.log(`1 worker: best ${b1.toFixed(1)}, median ${m1.toFixed(1)} schedules/s; ` +
    `2 workers: best ${b2.toFixed(1)}, median ${m2.toFixed(1)}`);
  console.log(`speed-up 1 → 2 workers: best/best x${(b2 / b1).toFixed(2)}, median/median x${(m2 / m1).toFixed(2)}, ` +
    `per round (1 and 2 workers back to back) best x${Math.max(...ratios).toFixed(2)}, median x${median(ratios).toFixed(2)}`);
} finally {
  await ctx.close();
  server.stop();
}
