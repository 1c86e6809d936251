// Explore in headless Chromium: the race preset under 3.9 explored over 50
// seeds on the worker pool (bars drawn, at least two distinct counter
// values, each no more than what python3 prints), a click on a bar sets
// its seed and runs it (the console ends with that bar's line, the
// timeline shows the run), also while another run is going; Stop. In the
// plain build (no pool, slices per frame): crossed locks on 3.13t, where
// some seeds deadlock (a red bar) and the others print what python3
// prints; a check-then-pop race that raises for some seeds (an orange bar
// with python3's exception line); Stop; the bars on a phone.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, SCREENSHOTS, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

/** The whole page, and the Explore panel alone (`NAME-panel.png`). */
async function shots(page, name) {
  await screenshot(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('#explore').screenshot({ path: path.join(SCREENSHOTS, `${name}-panel.png`) });
}

/** The histogram's bars as the page describes them. */
async function bars(page) {
  return page.locator('#explore-bars .explore-bar').evaluateAll((els) => els.map((el) => {
    const rect = el.querySelector('.bar-fill').getBoundingClientRect();
    return {
      kind: el.dataset.kind,
      count: Number(el.dataset.count),
      outcomes: Number(el.dataset.outcomes),
      seed: Number(el.dataset.seed),
      example: el.dataset.example,
      label: el.querySelector('.bar-label').textContent,
      width: rect.width,
      track: el.querySelector('.bar-track').getBoundingClientRect().width,
      height: rect.height,
      fill: getComputedStyle(el.querySelector('.bar-fill')).fill,
    };
  }));
}

async function explore(page, seeds) {
  await page.fill('#explore-seeds', String(seeds));
  await page.locator('#explore-seeds').dispatchEvent('change');
  const started = Date.now();
  await page.click('#explore-run');
  await page.locator('#explore[data-state="done"]').waitFor({ timeout: 300_000 });
  return (Date.now() - started) / 1000;
}

function lastLine(text) {
  return text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
}

export default function (test, { status, noProblems, python3Output }) {
  test('explore: the race under 3.9 over 50 seeds on the pool, a histogram of counters; a bar replays its seed', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?preset=race`);
      const s = await status(page);
      assertEq(s.build, 'threads', 'build');
      assertEq(await page.locator('#runtime').inputValue(), 'cpython-3.9', 'the preset runtime');
      assertEq(await page.locator('#explore-seeds').inputValue(), '100', 'default seeds');
      assert((await page.locator('#explore-where').textContent()).includes(`${s.workers} workers`),
        'explores on the pool');
      const seconds = await explore(page, 50);
      assertEq(await page.locator('#explore').getAttribute('data-runs'), '50', 'runs');
      // Counter ranges with no run in them stay as empty bars.
      const every = await bars(page);
      const all = every.filter((b) => b.count > 0);
      for (const b of every.filter((x) => x.count === 0)) {
        assertEq(b.width, 0, 'an empty range drawn empty');
        assertEq(Number.isNaN(b.seed), true, 'an empty range has no seed');
      }
      assert(all.length >= 2, `bars: ${JSON.stringify(every)}`);
      assertEq(all.reduce((n, b) => n + b.count, 0), 50, 'runs in the bars');
      const distinct = Number(await page.locator('#explore').getAttribute('data-endings'));
      assert(distinct >= 2, `distinct outcomes: ${distinct}`);
      assertEq(all.reduce((n, b) => n + b.outcomes, 0), distinct, 'outcomes in the bars');
      for (const b of all) {
        assert(b.width > 0 && b.height > 0, `bar drawn: ${JSON.stringify(b)}`);
        assert(b.kind === 'output' || b.kind === 'range', `an output bar: ${b.kind}`);
      }
      const tallest = Math.max(...all.map((b) => b.width));
      assert(all.some((b) => b.width === tallest && b.count === Math.max(...all.map((x) => x.count))),
        'the most frequent bar is the widest');
      // python3 (3.11) loses no update in this loop; 3.9 can only lose some.
      const program = await page.locator('#editor').inputValue();
      const full = lastLine(python3Output(program));
      const [prefix, most] = full.split('= ');
      for (const b of all) {
        assert(b.example.startsWith(prefix), `bar example ${b.example} vs python3 ${full}`);
        assert(Number(b.example.split('= ')[1]) <= Number(most), `counter above python3's: ${b.example}`);
      }
      assert(all.some((b) => Number(b.example.split('= ')[1]) < Number(most)), '3.9 lost no update in 50 seeds');
      console.log(`    explored 50 seeds on ${s.workers} workers in ${seconds.toFixed(1)} s: ` +
        `${distinct} distinct counters in ${every.length} bars (${every.length - all.length} empty)`);
      await shots(page, 'explore-1-race');

      // A click on a bar: its seed in the settings, its run in the console and the timeline.
      const pick = all.find((b) => b.seed !== 1) ?? all[0];
      await page.locator(`#explore-bars .explore-bar[data-seed="${pick.seed}"]`).click();
      await page.waitForFunction((seed) => document.querySelector('#seed').value === String(seed),
        pick.seed, { timeout: 5_000 });
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
      assertEq(lastLine(await page.locator('#output').textContent()), pick.example, 'console after the click');
      assertEq(await page.locator('#timeline canvas').getAttribute('data-lanes'), '3', 'lanes of the replayed run');
      assertEq(await page.locator('.explore-bar.picked').getAttribute('data-seed'), String(pick.seed), 'picked bar');
      assert(page.url().includes('#code='), 'the run wrote its share link');
      await shots(page, 'explore-2-replayed');

      // A click while the run area is running: that run stops, the bar's seed runs.
      const other = all.find((b) => b.seed !== pick.seed && b.example !== pick.example);
      await page.click('#run');
      await page.locator('#run-state[data-state="running"]').waitFor({ timeout: 5_000 });
      await page.locator(`#explore-bars .explore-bar[data-seed="${other.seed}"]`).click();
      await page.waitForFunction((seed) => document.querySelector('#seed').value === String(seed),
        other.seed, { timeout: 5_000 });
      // (Waited for, not read once: the stopped run may end "done" a frame before.)
      await page.waitForFunction((example) => {
        const lines = document.querySelector('#output').textContent.split('\n').filter((l) => l.trim());
        return document.querySelector('#run-state').dataset.state === 'done' && lines.pop() === example;
      }, other.example, { timeout: 60_000 });

      await page.click('#lang-zh-Hans');
      await page.locator('#explore-title', { hasText: '探索' }).waitFor({ timeout: 5_000 });
      assert((await page.locator('#explore-state').textContent()).includes('次运行'), 'zh summary');
      await shots(page, 'explore-3-zh');

      // Stop on the pool: the workers drop their runs, the panel keeps what ended.
      await page.fill('#editor', 'n = 0\nfor i in range(3_000_000):\n    n += i\nprint(n)\n');
      await page.fill('#explore-seeds', '1000');
      await page.locator('#explore-seeds').dispatchEvent('change');
      await page.click('#explore-run');
      await page.locator('#explore[data-state="running"]').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      const stopAt = Date.now();
      await page.click('#explore-stop');
      await page.locator('#explore[data-state="stopped"]').waitFor({ timeout: 3_000 });
      const ran = Number(await page.locator('#explore').getAttribute('data-runs'));
      assert(ran < 1000, `stopped after ${ran} runs`);
      console.log(`    Stop on the pool took ${Date.now() - stopAt} ms (${ran} runs ended)`);
      noProblems(watcher, 'explore on the pool');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('explore: plain build, seeds in frames; crossed locks on 3.13t deadlock for some seeds (a red bar), a pop race raises (an orange one); Stop', async () => {
    const server = await serve(DIST, { isolation: false });
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?isolate=0`);
      const s = await status(page);
      assertEq(s.build, 'plain', 'build');
      assert((await page.locator('#explore-where').textContent()).includes('a slice per frame'),
        'explores on the main thread');
      const program = [
        'import threading',
        'a = threading.Lock()',
        'b = threading.Lock()',
        'def first():',
        '    for _ in range(80):',
        '        with a:',
        '            with b:',
        '                pass',
        'def second():',
        '    for _ in range(80):',
        '        with b:',
        '            with a:',
        '                pass',
        't1 = threading.Thread(target=first)',
        't2 = threading.Thread(target=second)',
        't1.start(); t2.start()',
        't1.join(); t2.join()',
        'print("done")',
        '',
      ].join('\n');
      await page.fill('#editor', program);
      await page.selectOption('#runtime', 'cpython-3.13t');
      await explore(page, 40);
      const all = await bars(page);
      const deadlock = all.find((b) => b.kind === 'deadlock');
      const output = all.find((b) => b.kind === 'output');
      assert(deadlock && output, `a deadlock bar and an output bar: ${JSON.stringify(all)}`);
      assertEq(deadlock.label, 'deadlock', 'deadlock label');
      assert(deadlock.fill !== output.fill, `the deadlock bar's own colour: ${deadlock.fill}`);
      // 80 rounds: in the simulator some of seeds 0..39 deadlock, not all
      // (`interleave explore --runtime cpython-3.13t --runs 40`: 17).
      // What python3 prints when its threads get through (a few tries: it can hang too).
      let expected = null;
      for (let i = 0; i < 5 && expected === null; i += 1) {
        try {
          expected = execFileSync('python3', ['-c', program], { timeout: 10_000 }).toString();
        } catch { /* deadlocked: try again */ }
      }
      assert(expected !== null, 'python3 got through once');
      assertEq(output.label, lastLine(expected), 'output bar label');
      await shots(page, 'explore-4-deadlock');
      // On a 390 px phone the bars take the panel's width under their labels.
      await page.setViewportSize({ width: 390, height: 800 });
      const narrow = await bars(page);
      assert(narrow.every((b) => b.track > 300), `bars on a phone: ${JSON.stringify(narrow)}`);
      await page.locator('#explore').screenshot({ path: path.join(SCREENSHOTS, 'explore-6-phone-panel.png') });
      await page.setViewportSize({ width: 1280, height: 900 });

      // The deadlock bar replays a deadlock.
      await page.locator('#explore-bars .explore-bar[data-kind="deadlock"]').click();
      await page.locator('#deadlock-note').waitFor({ timeout: 60_000 });

      // Check-then-pop on 3.13t: for some seeds both threads see the item
      // (600 rounds between: 7 of seeds 0..19 in \`interleave run --seed\`),
      // and the second pop raises in its thread: an exception bar.
      const popper = [
        'import threading',
        'items = [1]',
        'def take():',
        '    if items:',
        '        n = 0',
        '        for _ in range(600):',
        '            n += 1',
        '        items.pop()',
        'ts = [threading.Thread(target=take) for _ in range(2)]',
        'for t in ts:',
        '    t.start()',
        'for t in ts:',
        '    t.join()',
        'print("left:", len(items))',
        '',
      ].join('\n');
      await page.fill('#editor', popper);
      await explore(page, 20);
      const popped = await bars(page);
      const exception = popped.find((b) => b.kind === 'exception');
      const clean = popped.find((b) => b.kind === 'output');
      assert(exception && clean, `an exception bar and an output bar: ${JSON.stringify(popped)}`);
      const popError = (() => {
        try { execFileSync('python3', ['-c', '[].pop()'], { stdio: 'pipe' }); } catch (e) { return lastLine(e.stderr.toString()); }
        return null;
      })();
      assertEq(exception.label, popError, 'exception bar label (python3\'s line)');
      assertEq(clean.label, lastLine(python3Output(popper)), 'output bar label');
      assert(new Set([exception.fill, clean.fill, deadlock.fill]).size === 3, 'three colours');
      await shots(page, 'explore-5-exception');

      // Stop: a long exploration ends at once, with what it had.
      await page.fill('#editor', 'n = 0\nfor i in range(3_000_000):\n    n += i\nprint(n)\n');
      // The bars were of the program before: no longer clickable, and said so.
      assert(await page.locator('#explore-bars .explore-bar[data-kind="exception"]').isDisabled(), 'stale bars disabled');
      assert((await page.locator('#explore').textContent()).includes('explore again'), 'stale note');
      await page.fill('#explore-seeds', '1000');
      await page.locator('#explore-seeds').dispatchEvent('change');
      await page.click('#explore-run');
      await page.locator('#explore[data-state="running"]').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      assertEq(await page.evaluate(() => 1 + 1), 2, 'page responsive while exploring');
      await page.click('#explore-stop');
      await page.locator('#explore[data-state="stopped"]').waitFor({ timeout: 2_000 });
      noProblems(watcher, 'explore in frames');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
