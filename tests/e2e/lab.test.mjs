// The lab's experiments on the served, cross-origin isolated page, with 2
// workers: each runs and reports sane numbers (checked from the JSON the
// panel writes into #lab-*-data), the recorded lanes have one lane per
// worker, and in the global-lock and GIL modes no two recorded holds
// overlap. Speedups are printed, never asserted: the machine is shared.

import { execFileSync } from 'node:child_process';
import { DIST, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

/** Primes in [lo, hi) by python3 (the expected count of the GIL experiment). */
function primesInByPython(lo, hi) {
  const program = `
lo, hi = ${lo}, ${hi}
s = bytearray([1]) * (hi - lo)
for p in range(2, int(hi ** 0.5) + 1):
    start = max(p * p, (lo + p - 1) // p * p)
    s[start - lo::p] = bytes(len(range(start - lo, hi - lo, p)))
print(sum(s))`;
  return Number(execFileSync('python3', ['-c', program]).toString().trim());
}

async function runExperiment(page, button, name, timeout = 300_000) {
  await page.click(button);
  await page.locator(`#lab-exp[data-state="running"][data-experiment="${name}"]`).waitFor({ timeout: 10_000 });
  await page.locator(`#lab-exp[data-state="done"][data-experiment="${name}"]`).waitFor({ timeout });
  return JSON.parse(await page.locator(`#lab-${name}-data`).textContent());
}

/** At most one hold at any instant, allowing the clocks' resolution. */
function overlaps(holds, slackMs = 0.01) {
  const sorted = [...holds].sort((a, b) => a[1] - b[1]);
  const bad = [];
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i][1] + slackMs < sorted[i - 1][2] - slackMs) bad.push([sorted[i - 1], sorted[i]]);
  }
  return bad;
}

export default function (test, { status, noProblems }) {
  test('lab: a real GIL, queue flow and parallel exploration on 2 workers; Cancel', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?workers=2`);
      const s = await status(page);
      assertEq(s.build, 'threads', 'build');
      assert(s.workers >= 2, `pool of ${s.workers}`);
      await page.selectOption('#lab-max-workers', '2');
      await page.selectOption('#lab-repeats', '1');

      // 1. A real GIL.
      const gil = await runExperiment(page, '#lab-gil-run', 'gil');
      assertEq(gil.max_workers, 2, 'workers');
      const expected = primesInByPython(10_000_000, 10_000_000 + 200 * 2_000);
      const line = [];
      for (const mode of ['free', 'lock', 'gil', 'counter-lock', 'counter-atomic']) {
        for (const w of ['1', '2']) {
          const m = gil.modes[mode][w];
          assert(m && m.median_ms > 0, `${mode} × ${w}: ${JSON.stringify(m)}`);
        }
        const lanes = gil.lanes[mode];
        assertEq(lanes.workers, 2, `${mode}: workers`);
        assertEq(lanes.lanes_recorded, 2, `${mode}: one lane per worker`);
        assertEq(lanes.dropped, 0, `${mode}: records dropped`);
        if (mode.startsWith('counter')) {
          assertEq(lanes.counter, 200 * 20_000, `${mode}: counter`);
        } else {
          assertEq(lanes.primes, expected, `${mode}: primes`);
        }
        if (mode === 'lock' || mode === 'gil') {
          assertEq(lanes.max_inside, 1, `${mode}: live holders`);
          assert(lanes.holds.length >= 2, `${mode}: holds ${lanes.holds.length}`);
          assertEq(new Set(lanes.holds.map((h) => h[0])).size, 2, `${mode}: both workers held it`);
          const bad = overlaps(lanes.holds);
          assert(bad.length === 0, `${mode}: overlapping holds ${JSON.stringify(bad.slice(0, 3))}`);
        }
        line.push(`${mode} ${gil.modes[mode]['2'].speedup.median.toFixed(2)}x`);
      }
      console.log(`    speedup at 2 workers (measured): ${line.join(', ')}`);
      const pred = gil.predicted.filter((p) => p.workers === 2)
        .map((p) => `${p.mode}@${p.runtime} ${p.speedup.toFixed(2)}x`);
      assert(pred.length >= 6, `predictions: ${pred}`);
      console.log(`    predicted by the simulator: ${pred.join(', ')}`);
      const handoff = gil.lanes.gil.handoff_us;
      console.log(`    GIL hand-offs: ${handoff.length}, latencies µs ${handoff.map((x) => x.toFixed(0)).join(' ')}`);
      const c = gil.convoy;
      assert(c.alone_ms.length === 1 && c.beside_ms.length === 1, `convoy ${JSON.stringify(c)}`);
      assert(c.alone_ms[0] >= 20, `sleeper alone ${c.alone_ms[0]} ms (20 × 1 ms sleeps)`);
      console.log(`    convoy: ${c.alone_ms[0].toFixed(1)} ms → ${c.beside_ms[0].toFixed(1)} ms ` +
        `(x${(c.beside_ms[0] / c.alone_ms[0]).toFixed(1)}); predicted ` +
        c.predicted_us.map((p) => `${p.runtime} x${(p.beside / p.alone).toFixed(1)}`).join(', '));
      assertEq(await page.locator('#lab-lanes').getAttribute('data-lanes'), '2', 'lanes drawn');
      await screenshot(page, 'lab-gil');
      // On a 390 px phone the result tables fit the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      const tables = page.locator('table.lab-results, .lab-results table');
      assert(await tables.count() >= 1, 'a results table');
      for (let i = 0; i < await tables.count(); i++) {
        const box = await tables.nth(i).boundingBox();
        const id = await tables.nth(i).getAttribute('id');
        assert(box && box.x >= 0 && box.x + box.width <= 390, `table ${id} at 390 px: ${JSON.stringify(box)}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `lab page wider than the phone by ${overflow}px`);
      await page.locator('#lab-predictions').scrollIntoViewIfNeeded();
      await screenshot(page, 'lab-gil-390');
      await page.setViewportSize({ width: 1280, height: 900 });

      // 2. Queue flow.
      const queue = await runExperiment(page, '#lab-queue-run', 'queue');
      assertEq(queue.length, 3, 'runs (1:1 at three cost ratios)');
      for (const r of queue) {
        assert(r.delivered, `items lost: ${JSON.stringify(r)}`);
        assertEq(r.items, 3000, 'items');
        assertEq(r.lanes_recorded, 2, 'queue lanes');
        assert(r.max_depth <= r.capacity, `depth ${r.max_depth}`);
        assert(r.throughput > 0, 'throughput');
      }
      console.log(`    queue: ${queue.map((r) => `x${r.cost_ratio} ${r.throughput.toFixed(0)}/s ` +
        `(blocked ${r.blocked_ms.toFixed(1)} ms, idle ${r.idle_ms.toFixed(1)} ms, max depth ${r.max_depth})`).join('; ')}`);

      // 3. Parallel exploration.
      const explore = await runExperiment(page, '#lab-explore-run', 'explore');
      assertEq(explore.map((r) => r.workers).join(), '1,2', 'worker counts');
      for (const r of explore) {
        assertEq(r.runs_per_lane.reduce((a, b) => a + b, 0), 64, 'runs');
        assertEq(r.runs_per_lane.length, r.workers, 'lanes');
        assert(r.outcomes >= 1 && r.per_second > 0, JSON.stringify(r));
      }
      assertEq(explore[0].outcomes, explore[1].outcomes, 'same outcomes on 1 and 2 workers');
      console.log(`    explore: ${explore.map((r) => `${r.workers} worker(s) ${r.per_second.toFixed(1)} schedules/s`).join(', ')}` +
        `, x${(explore[1].per_second / explore[0].per_second).toFixed(2)}`);

      // Cancel: a long run stops soon after the click.
      await page.selectOption('#lab-repeats', '5');
      await page.click('#lab-gil-run');
      await page.locator('#lab-exp[data-state="running"]').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(1_000);
      assertEq(await page.evaluate(() => 1 + 1), 2, 'page responsive while running');
      const at = Date.now();
      await page.click('#lab-cancel');
      await page.locator('#lab-exp[data-state="cancelled"]').waitFor({ timeout: 5_000 });
      console.log(`    Cancel took ${Date.now() - at} ms (click to the page showing it)`);
      noProblems(watcher, 'lab');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
