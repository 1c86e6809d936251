// End-to-end tests of Compare (src/ui/compare.rs, compare_view.rs): the
// CPU-bound preset under 3.12 and 3.13t, then under 3.13t on 2 and 1
// cores; one timeline above the other on one time axis, the run times
// against `interleave run --stats`, the speedup line against the times
// shown, both consoles against python3, the share link, zh-CN, the dark
// theme, a phone-wide screen, and Stop during the second run.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, DIST, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

const RUNNING = [0x2f, 0x9e, 0x44];
// Lane backgrounds in the light and the dark theme.
const LANE_LIGHT = [0xf1, 0xf3, 0xf5];
const LANE_DARK = [0x27, 0x2c, 0x35];

/** python3's stdout for a program, run as main.py. */
function python3(program) {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-py-'));
  writeFileSync(path.join(dir, 'main.py'), program);
  return execFileSync('python3', ['main.py'], { cwd: dir }).toString();
}

/**
 * The virtual run time (ms, to the µs) of a preset under a runtime, from
 * the command line's `--stats` (the same engine, settings and seed as the
 * page: its default seed is 1).
 */
function engineMs(file, runtime, cores) {
  const args = ['run', path.join(ROOT, 'src/ui/presets', file), '--runtime', runtime,
    '--cores', String(cores), '--seed', '1', '--stats'];
  const r = spawnSync(path.join(ROOT, 'target/release/interleave'), args);
  const m = r.stderr.toString().match(/^statistics \(([\d.]+) ms of virtual time\)$/m);
  assert(m, `no statistics from interleave run: ${r.stderr}`);
  return Number(m[1]);
}

const withoutTimes = (s) => s.split('\n').filter((l) => !l.startsWith('took ')).join('\n');

/** `20.5 ms` → ns (the units of trace::lanes::duration). */
function parseDuration(text) {
  const m = text.match(/([\d.]+) (ns|µs|ms|s)$/);
  assert(m, `no run time at the end of "${text}"`);
  return Number(m[1]) * { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9 }[m[2]];
}

async function openPage(ctx, url) {
  const page = await ctx.newPage();
  const watcher = watch(page);
  await page.goto(url);
  await page.locator('#run').waitFor({ timeout: 30_000 });
  return { page, watcher };
}

const view = async (page, id) => (await page.locator(`#${id} canvas`).getAttribute('data-view')).split(' ').map(Number);

export default function (test, { noProblems, pixelsOf }) {
  test('compare: the CPU-bound preset under 3.12 and 3.13t on one time axis, with the speedup between them', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const { page, watcher } = await openPage(ctx, `${server.url}/?preset=cpu-threads`);
      assertEq(await page.locator('#runtime').inputValue(), 'cpython-3.12', 'the preset opens under 3.12');
      assertEq(await page.locator('#compare-with').count(), 0, 'no second runtime while Compare is off');
      await page.check('#compare-on');
      assertEq(await page.locator('#compare-with').inputValue(), 'rt:cpython-3.13t', 'Compare picks 3.13t first');
      await page.selectOption('#compare-with', 'rt:cpython-3.13t');
      await page.click('#run');
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 120_000 });
      await page.locator('#compare-speedup').waitFor();

      // Each timeline is labelled with its runtime, cores and run time.
      const capA = (await page.locator('#timeline-caption').textContent()).trim();
      const capB = (await page.locator('#timeline-b-caption').textContent()).trim();
      assert(capA.startsWith('A · CPython 3.12 · 2 cores · '), `caption A: ${capA}`);
      assert(capB.startsWith('B · CPython 3.13t · 2 cores · '), `caption B: ${capB}`);
      const [tA, tB] = [parseDuration(capA), parseDuration(capB)];

      // The speedup line matches the two times shown (each rounded to
      // three digits, so within 1.5% either way).
      const line = (await page.locator('#compare-speedup').textContent()).trim();
      const m = line.match(/^3\.13t: ([\d.]+)× the time of 3\.12 \(([\d.]+)× (faster|slower)\)$/);
      assert(m, `speedup line: ${line}`);
      const [times, speed] = [Number(m[1]), Number(m[2])];
      const near = (x, want) => Math.abs(x - want) <= want * 0.015 + 0.006;
      assert(near(times, tB / tA), `${times}× vs the shown ${tB} / ${tA} = ${(tB / tA).toFixed(4)}`);
      assertEq(m[3], tB < tA ? 'faster' : 'slower', 'faster or slower, as the times say');
      assert(near(speed, tB < tA ? tA / tB : tB / tA), `${speed}× ${m[3]} vs ${tA} and ${tB}`);
      console.log(`    ${capA} | ${capB} | ${line}`);

      // Both canvases drew lanes: running segments, three lanes each.
      for (const id of ['timeline', 'timeline-b']) {
        assertEq(await page.locator(`#${id} canvas`).getAttribute('data-lanes'), '3', `${id} lanes`);
        const green = await pixelsOf(page, `#${id} canvas`, RUNNING);
        assert(green > 1000, `${id}: ${green} running pixels`);
      }
      // One axis: both show [0, the longer run]; zooming B zooms A.
      const speedup = page.locator('#compare-speedup');
      const nsA = Number(await speedup.getAttribute('data-a-ns'));
      const nsB = Number(await speedup.getAttribute('data-b-ns'));
      assert(near(nsB / nsA, tB / tA), `exact times ${nsA} / ${nsB} agree with the captions`);
      // Both runs took what the engine takes on the command line.
      const [cliA, cliB] = [engineMs('cpu_threads.py', 'cpython-3.12', 2), engineMs('cpu_threads.py', 'cpython-3.13t', 2)];
      assert(Math.abs(nsA / 1e6 - cliA) <= 0.001, `A: ${nsA} ns in the page, ${cliA} ms on the command line`);
      assert(Math.abs(nsB / 1e6 - cliB) <= 0.001, `B: ${nsB} ns in the page, ${cliB} ms on the command line`);
      const end = Math.max(nsA, nsB);
      assertEq(JSON.stringify(await view(page, 'timeline')), JSON.stringify([0, end]), 'A fits the longer run');
      assertEq(JSON.stringify(await view(page, 'timeline-b')), JSON.stringify([0, end]), 'B on the same axis');
      await page.locator('#timeline-b canvas').scrollIntoViewIfNeeded();
      const box = await page.locator('#timeline-b canvas').boundingBox();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction((end) => document.querySelector('#timeline canvas').dataset.view !== `0 ${end}`,
        end, { timeout: 5_000 });
      const [zA, zB] = [await view(page, 'timeline'), await view(page, 'timeline-b')];
      assertEq(JSON.stringify(zA), JSON.stringify(zB), 'zooming B moved A the same way');
      assert(zA[1] - zA[0] < end * 0.9, `zoomed in: ${zA}`);
      await page.click('#timeline-fit');
      assertEq(JSON.stringify(await view(page, 'timeline-b')), JSON.stringify([0, end]), 'Fit on A fits B');

      // The consoles: A's is the run area's; both print what python3 prints, times aside.
      const expected = withoutTimes(python3(readFileSync(path.join(ROOT, 'src/ui/presets/cpu_threads.py'), 'utf8')));
      const outA = await page.locator('#compare-console-a pre').textContent();
      const outB = await page.locator('#compare-console-b pre').textContent();
      assertEq(outA, await page.locator('#output').textContent(), 'console A is the run area\'s');
      assertEq((await page.locator('#stats-caption').textContent()).trim(), capA, 'the statistics are A\'s');
      assertEq(withoutTimes(outA), expected, 'console A');
      assertEq(withoutTimes(outB), expected, 'console B');
      await screenshot(page, 'compare-1280');

      // The share link carries Compare; it reopens with it.
      const url = page.url();
      assert(url.includes('#code=v1.'), `fragment after Run: ${url}`);
      const again = await openPage(ctx, url);
      assertEq(await again.page.isChecked('#compare-on'), true, 'Compare on from the link');
      assertEq(await again.page.locator('#compare-with').inputValue(), 'rt:cpython-3.13t', 'second runtime from the link');
      await again.page.close();

      // zh-CN.
      await page.click('#lang-zh-Hans');
      const zh = (await page.locator('#compare-speedup').textContent()).trim();
      const word = m[3] === 'faster' ? '快' : '慢';
      assertEq(zh, `3.13t：用时是 3.12 的 ${m[1]}×（${word} ${m[2]}×）`, 'zh line');
      assert((await page.locator('#compare-title').textContent()) === '对比', 'zh title');
      assert((await page.locator('#timeline-caption').textContent()).includes('2 核'), 'zh caption');
      await screenshot(page, 'compare-zh');
      // The dark theme (the toggle goes from the system's theme to the other).
      await page.click('#theme-toggle');
      if (await page.evaluate(() => document.documentElement.dataset.theme) === 'light') await page.click('#theme-toggle');
      assertEq(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'dark theme');
      // Both canvases redrew in the dark theme's colours (src/ui/timeline/draw.rs).
      for (const id of ['timeline', 'timeline-b']) {
        const [light, dark] = [await pixelsOf(page, `#${id} canvas`, LANE_LIGHT), await pixelsOf(page, `#${id} canvas`, LANE_DARK)];
        assert(light === 0 && dark > 1000, `${id} lane backgrounds in the dark theme: ${light} light, ${dark} dark pixels`);
      }
      await screenshot(page, 'compare-zh-dark');
      await page.click('#lang-en');

      // A phone: the consoles stack, nothing is wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      const [a, b] = [await page.locator('#compare-console-a').boundingBox(), await page.locator('#compare-console-b').boundingBox()];
      assert(b.y >= a.y + a.height, `consoles stacked at 390 px: ${JSON.stringify([a, b])}`);
      // (Compare's part: the settings row and the compare area. The lab's
      // own tables are the lab's business.)
      for (const selector of ['#run-area .settings', '.compare-area']) {
        const [right, scroll, client] = await page.$eval(selector, (e) => [e.getBoundingClientRect().right, e.scrollWidth, e.clientWidth]);
        assert(right <= 390 && scroll <= client, `${selector} at 390 px: right edge ${right}, ${scroll} px of content in ${client}`);
      }
      await screenshot(page, 'compare-390-dark');
      await page.click('#theme-toggle');
      assertEq(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'light theme');
      await screenshot(page, 'compare-390');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.waitForTimeout(200);
      const [a2, b2] = [await page.locator('#compare-console-a').boundingBox(), await page.locator('#compare-console-b').boundingBox()];
      assert(a2.y === b2.y && b2.x > a2.x + a2.width - 1, `consoles side by side at 1280 px: ${JSON.stringify([a2, b2])}`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(over <= 0, `page wider than 1280 by ${over}px`);
      await screenshot(page, 'compare-1280x720');
      noProblems(watcher, 'compare');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('compare: two core counts under 3.13t, named by their cores, timed as on the command line', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const { page, watcher } = await openPage(ctx, `${server.url}/?preset=cpu-threads`);
      await page.selectOption('#runtime', 'cpython-3.13t');
      await page.check('#compare-on');
      assertEq(await page.locator('#compare-with').inputValue(), 'rt:cpython-3.12', 'Compare picks 3.12 beside 3.13t');
      await page.selectOption('#compare-with', 'cores:1');
      await page.click('#run');
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 120_000 });
      const speedup = page.locator('#compare-speedup');
      await speedup.waitFor();
      const [nsA, nsB] = [Number(await speedup.getAttribute('data-a-ns')), Number(await speedup.getAttribute('data-b-ns'))];
      const [cliA, cliB] = [engineMs('cpu_threads.py', 'cpython-3.13t', 2), engineMs('cpu_threads.py', 'cpython-3.13t', 1)];
      assert(Math.abs(nsA / 1e6 - cliA) <= 0.001, `2 cores: ${nsA} ns in the page, ${cliA} ms on the command line`);
      assert(Math.abs(nsB / 1e6 - cliB) <= 0.001, `1 core: ${nsB} ns in the page, ${cliB} ms on the command line`);
      const line = (await speedup.textContent()).trim();
      const m = line.match(/^1 core: ([\d.]+)× the time of 2 cores \(([\d.]+)× (faster|slower)\)$/);
      assert(m, `speedup line: ${line}`);
      assertEq(m[3], nsB < nsA ? 'faster' : 'slower', 'faster or slower, as the times say');
      const ratio = Number(m[1]);
      assert(Math.abs(ratio - nsB / nsA) <= 0.006, `${ratio}× vs ${nsB} / ${nsA}`);
      assert((await page.locator('#timeline-b-caption').textContent()).startsWith('B · CPython 3.13t · 1 core · '), 'B caption');
      assertEq(await page.locator('#timeline-b canvas').getAttribute('data-lanes'), '3', 'B lanes');
      console.log(`    3.13t: ${line}`);
      noProblems(watcher, 'compare cores');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('compare: Stop during the second run stops it, and no speedup is claimed', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const { page, watcher } = await openPage(ctx, `${server.url}/`);
      // Ends at once on 2 cores, loops forever on 4.
      await page.fill('#editor', 'import os\nn = 0\nif os.cpu_count() == 4:\n    while True:\n        n += 1\nprint("cores", os.cpu_count())\n');
      await page.check('#compare-on');
      await page.selectOption('#compare-with', 'cores:4');
      await page.click('#run');
      await page.locator('#run-state[data-state="running"]').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      assertEq(await page.evaluate(() => 1 + 1), 2, 'page responsive during the second run');
      const stopAt = Date.now();
      await page.click('#stop');
      await page.locator('#run-state[data-state="stopped"]').waitFor({ timeout: 1_000 });
      console.log(`    Stop during the second run took ${Date.now() - stopAt} ms`);
      await page.locator('#compare-speedup').waitFor();
      assertEq((await page.locator('#compare-speedup').textContent()).trim(), 'stopped before the end: no speedup to show', 'no speedup');
      assertEq(await page.locator('#compare-console-a pre').textContent(), 'cores 2\n', 'first run printed');
      assertEq(await page.locator('#compare-console-b pre').textContent(), '', 'second run stopped in its loop');
      assert((await page.locator('#timeline-b-caption').textContent()).includes('4 cores'), 'B has 4 cores');
      assert((await page.locator('#timeline-b-caption').textContent()).endsWith('(stopped)'), 'B stopped');
      // Compare off: back to one timeline.
      await page.uncheck('#compare-on');
      await page.fill('#editor', 'print("one")\n');
      await page.click('#run');
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 10_000 });
      assertEq(await page.locator('#compare').count() + await page.locator('#timeline-b').count(), 0, 'one timeline again');
      assertEq(await page.locator('#stats-caption').count(), 0, 'the statistics of the one run, without a caption');
      assertEq(await page.locator('#timeline canvas').getAttribute('data-lanes'), '1', 'the single run\'s lanes');
      noProblems(watcher, 'compare stop');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
