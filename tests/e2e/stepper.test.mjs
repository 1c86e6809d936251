// "You are the scheduler" in headless Chromium: the race preset under
// 3.9 stepped by hand — MainThread runs until it blocks (in start(), then
// in join()), Thread-1 steps until it has read the counter on the
// `counter += 1` line, Thread-2 runs until it blocks (it ends), then
// Thread-1, the only thread left that can run, writes back its stale value: the console shows a counter below
// what python3 prints. Undo brings the previous candidates back.

import { assert, assertEq, browser, screenshot, serve, watch, DIST } from './harness.mjs';

/** The candidates as the panel shows them: [{thread, line, gil}]. */
async function candidates(page) {
  return page.locator('#stepper-candidates .stepper-candidate').evaluateAll((els) =>
    els.map((el) => ({ thread: el.dataset.thread, line: Number(el.dataset.line), gil: el.dataset.gil })));
}

async function choose(page, thread, button) {
  const before = Number(await page.locator('#stepper-run').getAttribute('data-choices'));
  await page.locator(`#stepper-candidates .stepper-candidate[data-thread="${thread}"] .${button}`).click();
  await page.locator(`#stepper-run[data-choices="${before + 1}"]`).waitFor({ timeout: 60_000 });
}

function lastLine(text) {
  return text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
}

export default function (test, { noProblems, python3Output }) {
  test('stepper: the race under 3.9 made to lose updates by hand; Undo', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?preset=race`);
      assertEq(await page.locator('#runtime').inputValue(), 'cpython-3.9', 'the preset runtime');
      const program = await page.locator('#editor').inputValue();
      const counterLine = program.split('\n').findIndex((l) => l.trim() === 'counter += 1') + 1;
      assert(counterLine > 0, 'the counter line');
      await page.click('#stepper-start');
      await page.locator('#stepper-run[data-state="deciding"]').waitFor({ timeout: 30_000 });
      // MainThread until it blocks, twice: both threads started, main in join().
      await choose(page, '0', 'stepper-until-blocks');
      await choose(page, '0', 'stepper-until-blocks');
      let c = await candidates(page);
      assertEq(c.map((x) => x.thread).join(','), '1,2', 'the two workers are the candidates');
      await screenshot(page, 'stepper-1-workers');
      // Thread-1 to the counter line, then one more step: it has read the counter.
      for (let i = 0; i < 20 && (await candidates(page)).find((x) => x.thread === '1').line !== counterLine; i++) {
        await choose(page, '1', 'stepper-step');
      }
      assertEq((await candidates(page)).find((x) => x.thread === '1').line, counterLine, 'Thread-1 at the counter line');
      await choose(page, '1', 'stepper-step');
      const before = await candidates(page);
      const made = await page.locator('#stepper-run').getAttribute('data-choices');
      // Undo comes back to exactly these candidates.
      await choose(page, '2', 'stepper-step');
      assert(JSON.stringify(await candidates(page)) !== JSON.stringify(before), 'a step of Thread-2 took the GIL');
      await page.click('#stepper-undo');
      await page.locator(`#stepper-run[data-choices="${made}"]`).waitFor({ timeout: 60_000 });
      assertEq(JSON.stringify(await candidates(page)), JSON.stringify(before), 'Undo: the same candidates');
      await choose(page, '2', 'stepper-until-blocks');
      await screenshot(page, 'stepper-2-thread2-done');
      // Thread-1 alone can run now: it runs on (no decision) to the end.
      await page.locator('#stepper-run[data-state="done"]').waitFor({ timeout: 120_000 });
      const shown = lastLine(await page.locator('#stepper-console').textContent());
      const full = lastLine(python3Output(program));
      const [prefix, most] = full.split('= ');
      assert(shown.startsWith(prefix), `console ${shown} vs python3 ${full}`);
      assert(Number(shown.split('= ')[1]) < Number(most), `a lost update: ${shown} vs python3 ${full}`);
      console.log(`    by hand: ${shown}; python3: ${full}`);
      await screenshot(page, 'stepper-3-lost-update');
      await page.click('#lang-zh-Hans');
      await page.locator('#stepper-title', { hasText: '调度器' }).waitFor({ timeout: 5_000 });
      await screenshot(page, 'stepper-4-zh');
      noProblems(watcher, 'stepper');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
