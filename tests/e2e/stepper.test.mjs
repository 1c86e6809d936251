// "You are the scheduler" in headless Chromium: the race preset under
// 3.9 stepped by hand — MainThread runs until it blocks (in start(), then
// in join()), Thread-1 steps until it has read the counter on the
// `counter += 1` line, Thread-2 runs until it blocks (it ends), then
// Thread-1, the only thread left that can run, writes back its stale value: the console shows a counter below
// what python3 prints. Undo brings the previous candidates back.
// Step ×3 leads where three single steps do; Run to line L stops Thread-1
// at the start of line L. While a choice is awaited, the page's timeline
// draws the run so far (running pixels, the cursor at the decision) and
// the editor marks each candidate's next line in its thread's colour;
// the marks go when the program ends; the stepped run stays on the timeline
// until Stop stepping. The long last rerun (Thread-1 alone to
// the end) runs in slices: the tab keeps painting frames.

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

/** The editor's marks: [{line, threads, colour}]. */
async function marks(page) {
  return page.locator('.code-hl .step-band').evaluateAll((els) =>
    els.map((el) => ({ line: Number(el.dataset.line), threads: el.dataset.threads, colour: getComputedStyle(el).borderLeftColor })));
}

/** The colour the panel names a thread in. */
async function threadColour(page, thread) {
  return page.locator(`#stepper-candidates .stepper-candidate[data-thread="${thread}"] .stepper-thread`)
    .evaluate((el) => getComputedStyle(el).color);
}

const RUNNING = [0x2f, 0x9e, 0x44];

/** The facts under the timeline at a decision: the GIL's holder, as the panel says. */
async function gilFacts(page, c) {
  const facts = await page.locator('#timeline-facts').textContent();
  assert(facts.includes('t = '), `facts at the decision: ${facts}`);
  const holder = c.find((x) => x.gil === 'true');
  if (holder) {
    const name = (await page.locator(`#stepper-candidates .stepper-candidate[data-thread="${holder.thread}"] .stepper-thread`).textContent()).trim();
    assert(facts.includes(`${name} holds the GIL`), `the facts name ${name} as the GIL's holder: ${facts}`);
  }
}

export default function (test, { noProblems, pixelsOf, python3Output }) {
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
      // No run yet: an empty timeline.
      assertEq(await pixelsOf(page, '#timeline canvas', RUNNING), 0, 'no run drawn before stepping');
      await page.click('#stepper-start');
      await page.locator('#stepper-run[data-state="deciding"][data-busy="false"]').waitFor({ timeout: 30_000 });
      // MainThread until it blocks, twice: both threads started, main in join().
      await choose(page, '0', 'stepper-until-blocks');
      await choose(page, '0', 'stepper-until-blocks');
      let c = await candidates(page);
      assertEq(c.map((x) => x.thread).join(','), '1,2', 'the two workers are the candidates');
      // The run so far on the page's timeline, the cursor at the decision.
      const canvas = page.locator('#timeline canvas');
      await page.locator('#timeline canvas[data-now]').waitFor({ timeout: 10_000 });
      const running = await pixelsOf(page, '#timeline canvas', RUNNING);
      assert(running > 200, `the stepped prefix drawn: ${running} running pixels`);
      assert((await page.locator('#timeline-caption').textContent()).includes('You are the scheduler'), 'the timeline says it is the stepped run');
      assert(Number(await canvas.getAttribute('data-now')) > 0, 'the decision time');
      await gilFacts(page, c);
      // The candidates' next lines marked in their colours.
      const m = await marks(page);
      for (const x of c.filter((x) => x.line > 0)) {
        const mark = m.find((k) => k.line === x.line);
        assert(mark && mark.threads.split(' ').includes(x.thread), `line ${x.line} marked for thread ${x.thread}: ${JSON.stringify(m)}`);
        if (mark.threads.split(' ')[0] === x.thread) {
          assertEq(mark.colour, await threadColour(page, x.thread), `thread ${x.thread}'s colour on line ${x.line}`);
        }
      }
      assert(m.length > 0, 'some line marked');
      assertEq(await page.locator('.gutter .step-mark').count(), m.length, 'as many marked line numbers');
      console.log(`    at the workers: ${running} running pixels, marks ${JSON.stringify(m)}`);
      await screenshot(page, 'stepper-1-workers');
      // Step ×3 leads where three single steps do.
      await page.fill('#stepper-count', '3');
      await choose(page, '1', 'stepper-step-n');
      assert((await page.locator('#stepper-steps').getAttribute('data-choose')).endsWith(',1x3'), 'the choice reads 1x3');
      const afterThree = JSON.stringify(await candidates(page));
      const consoleThree = await page.locator('#stepper-console').textContent();
      await page.click('#stepper-undo');
      await page.locator('#stepper-run[data-choices="2"][data-busy="false"]').waitFor({ timeout: 60_000 });
      for (let i = 0; i < 3; i++) await choose(page, '1', 'stepper-step');
      assertEq(JSON.stringify(await candidates(page)), afterThree, 'Step ×3 = three steps');
      assertEq(await page.locator('#stepper-console').textContent(), consoleThree, 'the same output');
      // Thread-1 run to the counter line, then one more step: it has read the counter.
      await page.fill('#stepper-line', String(counterLine));
      await choose(page, '1', 'stepper-until-line');
      assert((await page.locator('#stepper-steps').getAttribute('data-choose')).endsWith(`,1@${counterLine}`), 'the choice reads 1@L');
      assertEq((await candidates(page)).find((x) => x.thread === '1').line, counterLine, 'Thread-1 at the counter line');
      assert((await marks(page)).some((k) => k.line === counterLine && k.threads.split(' ').includes('1')), 'the counter line marked for Thread-1');
      assertEq((await candidates(page)).find((x) => x.thread === '1').gil, 'true', 'Thread-1 holds the GIL');
      await gilFacts(page, await candidates(page));
      await choose(page, '1', 'stepper-step');
      const before = await candidates(page);
      const made = await page.locator('#stepper-run').getAttribute('data-choices');
      // Undo comes back to exactly these candidates.
      await choose(page, '2', 'stepper-step');
      assert(JSON.stringify(await candidates(page)) !== JSON.stringify(before), 'a step of Thread-2 took the GIL');
      await page.click('#stepper-undo');
      await page.locator(`#stepper-run[data-choices="${made}"]`).waitFor({ timeout: 60_000 });
      assertEq(JSON.stringify(await candidates(page)), JSON.stringify(before), 'Undo: the same candidates');
      // Thread-2 to its end; then Thread-1 alone runs on (no decision) to
      // the end: a long rerun, in slices, while the tab keeps painting.
      await page.evaluate(() => {
        window.stepperFrames = 0;
        const tick = () => { window.stepperFrames += 1; requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        window.stepperT0 = performance.now();
      });
      await choose(page, '2', 'stepper-until-blocks');
      await page.locator('#stepper-run[data-state="done"]').waitFor({ timeout: 120_000 });
      const { frames, ms } = await page.evaluate(() => ({ frames: window.stepperFrames, ms: performance.now() - window.stepperT0 }));
      console.log(`    the last rerun: ${frames} frames in ${ms.toFixed(0)} ms`);
      assert(ms < 1000 || frames >= ms / 200, `the tab kept painting: ${frames} frames in ${ms.toFixed(0)} ms`);
      // The program ended: no marks, and the whole stepped run stays on
      // the timeline until Stop stepping.
      await page.locator('.code-hl .step-band').first().waitFor({ state: 'detached', timeout: 10_000 });
      assert((await page.locator('#timeline-caption').textContent()).includes('You are the scheduler'), 'the finished stepped run stays on the timeline');
      const finished = await pixelsOf(page, '#timeline canvas', RUNNING);
      assert(finished > 200, `the whole stepped run drawn: ${finished} running pixels`);
      await screenshot(page, 'stepper-2-thread2-done');
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
      // Stop stepping closes the run: the page's own (empty) run is back.
      await page.click('#stepper-close');
      await page.locator('#stepper-run').waitFor({ state: 'detached', timeout: 10_000 });
      assertEq(await canvas.getAttribute('data-now'), null, 'no stepped run on the timeline');
      assertEq(await pixelsOf(page, '#timeline canvas', RUNNING), 0, 'the page\'s own (empty) timeline is back');
      noProblems(watcher, 'stepper');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
