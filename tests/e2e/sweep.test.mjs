// End-to-end test of the Sweep panel (src/ui/sweep_panel.rs): the
// pool-sizing preset swept over WORKERS under 3.12 and 3.13t. The curve
// must bend where the rule of thumb says (threads ≈ cores × (1 + I/O /
// CPU)): halving from 1 to 2 workers, flat from 6 under one GIL, still
// falling on two free-threaded cores; clicking a point puts its value
// into the program (the results stay current); a share link reopens the
// panel set up the same (not run); an edit of the program marks the
// results stale; Stop stops a sweep.

import { DIST, SCREENSHOTS, assert, assertEq, browser, serve, watch } from './harness.mjs';
import path from 'node:path';

async function times(page) {
  return page.evaluate(() => {
    const out = {};
    for (const td of document.querySelectorAll('#sweep-table td.time[data-runtime]')) {
      const rt = td.dataset.runtime;
      const v = Number(td.closest('tr').dataset.value);
      (out[rt] ||= {})[v] = Number(td.dataset.ns);
    }
    return out;
  });
}

export default function (test, { noProblems }) {
  test('sweep: WORKERS of the pool-sizing preset under 3.12 and 3.13t bends where the rule says; a point loads its value; Stop', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?preset=sweep-workers&lang=en`);
      await page.locator('#sweep-constant').waitFor({ timeout: 30_000 });
      assertEq(await page.locator('#sweep-constant').inputValue(), 'WORKERS', 'the constant offered first');
      assertEq(await page.locator('#sweep-values').inputValue(), '1-8', 'default values: 1 to twice the current');
      await page.fill('#sweep-values', '1,2,6,8,12');
      await page.locator('#sweep-values').dispatchEvent('change');
      await page.selectOption('#sweep-versus', 'cpython-3.13t');
      await page.click('#sweep-run');
      await page.locator('#sweep[data-state="done"]').waitFor({ timeout: 180_000 });
      const t = await times(page);
      const gil = t['cpython-3.12'];
      const free = t['cpython-3.13t'];
      assert(gil && free, `both series: ${JSON.stringify(t)}`);
      const r = (a, b) => a / b;
      console.log(`    3.12: ${[1, 2, 6, 8, 12].map((v) => (gil[v] / 1e6).toFixed(1)).join(' / ')} ms; ` +
        `3.13t: ${[1, 2, 6, 8, 12].map((v) => (free[v] / 1e6).toFixed(1)).join(' / ')} ms`);
      assert(r(gil[1], gil[2]) > 1.8 && r(gil[1], gil[2]) < 2.2, '3.12: 1 → 2 workers halves the time');
      assert(Math.abs(r(gil[8], gil[6]) - 1) < 0.05 && Math.abs(r(gil[12], gil[6]) - 1) < 0.05, '3.12: flat from 6');
      assert(r(free[12], free[6]) < 0.9, '3.13t: still falling after 6');
      // Drawn: a line and five points per runtime.
      for (const id of ['#sweep-time', '#sweep-speedup']) {
        for (const rt of ['cpython-3.12', 'cpython-3.13t']) {
          const g = page.locator(`${id} g.series[data-runtime="${rt}"]`);
          assertEq(await g.locator('circle.point').count(), 5, `${id} ${rt} points`);
          const pts = (await g.locator('polyline').getAttribute('points')).trim().split(/\s+/);
          assertEq(pts.length, 5, `${id} ${rt} line`);
        }
      }
      await page.locator('#sweep').screenshot({ path: path.join(SCREENSHOTS, 'sweep.png') });
      // A point puts its value into the program.
      await page.locator('#sweep-time g.series[data-runtime="cpython-3.12"] circle[data-value="6"]').click();
      const code = await page.locator('#editor').inputValue();
      assert(/^WORKERS = 6$/m.test(code), 'the editor has WORKERS = 6');
      assertEq(await page.locator('#sweep-stale').count(), 0, 'a point\'s value leaves the results current');
      // A share link carries the Sweep's settings; it opens them, not a run.
      await page.click('#share-button');
      const link = await page.locator('#share-link').inputValue();
      const other = await ctx.newPage();
      const w2 = watch(other);
      await other.goto(link);
      await other.locator('#sweep-constant').waitFor({ timeout: 30_000 });
      assertEq(await other.locator('#editor').inputValue(), code, 'the program from the link');
      assertEq(await other.locator('#sweep-constant').inputValue(), 'WORKERS', 'the constant from the link');
      assertEq(await other.locator('#sweep-values').inputValue(), '1,2,6,8,12', 'the values from the link');
      assertEq(await other.locator('#sweep-versus').inputValue(), 'cpython-3.13t', 'the second runtime from the link');
      assertEq(await other.locator('#sweep').getAttribute('data-state'), 'idle', 'set up, not run');
      await other.locator('#sweep').screenshot({ path: path.join(SCREENSHOTS, 'sweep-from-link.png') });
      noProblems(w2, 'sweep link');
      await other.close();
      // An edit of the program: the results are of the earlier one.
      await page.fill('#editor', `${code}# edited\n`);
      await page.locator('#sweep-stale').waitFor({ timeout: 5_000 });
      await page.locator('#sweep').screenshot({ path: path.join(SCREENSHOTS, 'sweep-stale.png') });
      // Stop.
      await page.fill('#sweep-values', '1-32');
      await page.locator('#sweep-values').dispatchEvent('change');
      await page.click('#sweep-run');
      await page.locator('#sweep[data-state="running"]').waitFor({ timeout: 10_000 });
      const t0 = Date.now();
      await page.click('#sweep-stop');
      await page.locator('#sweep[data-state="stopped"]').waitFor({ timeout: 5_000 });
      console.log(`    Stop took ${Date.now() - t0} ms`);
      assert(Date.now() - t0 < 2_000, 'Stop within 2 s');
      noProblems(watcher, 'sweep');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
