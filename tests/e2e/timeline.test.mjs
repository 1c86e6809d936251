// The timeline, the statistics panel and the summary line, in headless
// Chromium: hover, wheel zoom, click-to-line and the time cursor on the
// race; lock and queue lanes drawn for a program with a Lock and a
// queue.Queue (pixels, not elements); and the drawing benchmark: a
// synthetic run of 100,000 segments redrawn on zoom and pan, with the
// per-frame times printed (the test fails only if it cannot draw).

import { DIST, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

/** The canvas's lanes, from its data-rows: [{label, y, h}]. */
async function rows(page) {
  const text = await page.locator('#timeline canvas').getAttribute('data-rows');
  return text.split('|').map((r) => {
    const parts = r.split(':');
    const h = Number(parts.pop());
    const y = Number(parts.pop());
    return { label: parts.join(':'), y, h };
  });
}

/**
 * Pixels of a band of the canvas (CSS px, plot area only) that are not
 * the lane background, the grid or white: what was drawn there.
 */
async function drawnIn(page, y, h) {
  return page.evaluate(({ y, h }) => {
    const c = document.querySelector('#timeline canvas');
    const ratio = c.width / c.clientWidth;
    const x0 = Math.round(150 * ratio);
    const data = c.getContext('2d').getImageData(x0, Math.round(y * ratio), c.width - x0,
      Math.max(1, Math.round(h * ratio))).data;
    const plain = new Set(['241,243,245', '227,230,235', '255,255,255', '0,0,0']);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      if (!plain.has(`${data[i]},${data[i + 1]},${data[i + 2]}`)) n += 1;
    }
    return n;
  }, { y, h });
}

/** A fingerprint of the axis strip under the lanes (its drawn pixels). */
async function axisPixels(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#timeline canvas');
    const ratio = c.width / c.clientWidth;
    const top = Math.round((c.clientHeight - 30) * ratio);
    const data = c.getContext('2d').getImageData(0, top, c.width, c.height - top).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i + 3] * (i + 1)) >>> 0;
    return h;
  });
}

async function runProgram(page, program, runtime = 'cpython-3.12') {
  if (program !== null) await page.fill('#editor', program);
  await page.selectOption('#runtime', runtime);
  await page.click('#run');
  await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
  await page.locator('#timeline canvas[data-rows]').waitFor({ timeout: 10_000 });
  await page.locator('#timeline canvas').scrollIntoViewIfNeeded();
}

const LOCK_AND_QUEUE = `import threading, queue
lock = threading.Lock()
q = queue.Queue()
total = 0
def producer():
    for i in range(20):
        q.put(i)
    q.put(None)
def consumer():
    global total
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            total += item
def adder():
    global total
    for _ in range(30):
        with lock:
            total += 1
ts = [threading.Thread(target=producer), threading.Thread(target=consumer), threading.Thread(target=adder)]
for t in ts: t.start()
for t in ts: t.join()
print(total)
`;

const TASKS = `import asyncio

async def fetch(name, delay):
    print('start', name)
    await asyncio.sleep(delay)
    print('done', name)
    return name

async def main():
    a = asyncio.create_task(fetch('a', 0.2))
    b = asyncio.create_task(fetch('b', 0.1), name='bee')
    print(await asyncio.gather(a, b))

asyncio.run(main())
`;

const PROCESSES = `import multiprocessing as mp
import threading

def burn(n, q):
    s = 0
    for i in range(n):
        s += i
    q.put(s)

def child(q):
    t = threading.Thread(target=burn, args=(20000, q))
    t.start()
    burn(20000, q)
    t.join()

if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=child, args=(q,)) for _ in range(2)]
    for p in ps:
        p.start()
    print(sorted(q.get() for _ in range(4)))
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
`;

/** Pixels of exactly colour rgb in a band of the canvas (CSS px). */
async function colourIn(page, y, h, rgb) {
  return page.evaluate(({ y, h, rgb }) => {
    const c = document.querySelector('#timeline canvas');
    const ratio = c.width / c.clientWidth;
    const x0 = Math.round(150 * ratio);
    const data = c.getContext('2d').getImageData(x0, Math.round(y * ratio), c.width - x0,
      Math.max(1, Math.round(h * ratio))).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n += 1;
    }
    return n;
  }, { y, h, rgb });
}

export default function (test, { status, noProblems, pixelsOf, python3Output }) {
  test('timeline: the race — hover tooltip, wheel zoom moves the axis, click selects the line, time cursor, statistics and summary', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/`);
      await status(page);
      const program = await page.locator('#editor').inputValue();
      await runProgram(page, null);
      const canvas = page.locator('#timeline canvas');
      const lanes = await rows(page);
      const labels = lanes.map((r) => r.label);
      assertEq(labels[0], 'GIL', 'first lane');
      assert(labels.includes('MainThread'), `lanes: ${labels}`);
      const worker = lanes.find((r) => r.label.startsWith('Thread-1'));
      assert(worker, `a worker lane in ${labels}`);
      const green = await pixelsOf(page, '#timeline canvas', [0x2f, 0x9e, 0x44]);
      assert(green > 1000, `running segments drawn: ${green} pixels`);
      assert(await drawnIn(page, lanes[0].y, lanes[0].h) > 1000, 'the GIL lane is drawn');

      // Hover a worker's lane: the tooltip says whose, what, where, how long.
      const box = await canvas.boundingBox();
      const y = box.y + worker.y + worker.h / 2;
      await page.mouse.move(box.x + box.width * 0.5, y);
      const tip = page.locator('#timeline-tip');
      await tip.waitFor({ timeout: 2_000 });
      const tipText = await tip.innerText();
      assert(tipText.startsWith('Thread-1'), `tooltip: ${tipText}`);
      assert(/duration [\d.]+ (ns|µs|ms|s)/.test(tipText), `tooltip duration: ${tipText}`);
      assert(/source line \d+/.test(tipText), `tooltip line: ${tipText}`);
      await screenshot(page, 'timeline-1-hover');

      // The wheel zooms around the pointer: the visible range shrinks and
      // the axis is drawn differently.
      const viewBefore = (await canvas.getAttribute('data-view')).split(' ').map(Number);
      const axisBefore = await axisPixels(page);
      for (let i = 0; i < 4; i += 1) await page.mouse.wheel(0, -240);
      await page.waitForTimeout(100);
      const viewAfter = (await canvas.getAttribute('data-view')).split(' ').map(Number);
      const rangeBefore = viewBefore[1] - viewBefore[0];
      const rangeAfter = viewAfter[1] - viewAfter[0];
      assert(rangeAfter < rangeBefore * 0.5, `zoomed: ${rangeBefore} -> ${rangeAfter} ns`);
      assert(await axisPixels(page) !== axisBefore, 'the axis changed with the zoom');
      console.log(`    wheel zoom: ${(rangeBefore / 1e6).toFixed(2)} ms -> ${(rangeAfter / 1e6).toFixed(2)} ms visible`);
      await screenshot(page, 'timeline-2-zoomed');

      // Drag pans; Fit shows the whole run again.
      await page.mouse.move(box.x + box.width * 0.6, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
      await page.mouse.up();
      const panned = (await canvas.getAttribute('data-view')).split(' ').map(Number);
      assert(panned[0] > viewAfter[0], `dragging left moves to later times: ${viewAfter[0]} -> ${panned[0]}`);
      await page.click('#timeline-fit');
      const fit = (await canvas.getAttribute('data-view')).split(' ').map(Number);
      assertEq(fit[0], 0, 'fit starts at 0');
      assert(Math.abs(fit[1] - rangeBefore) < 1, `fit shows the run: ${fit[1]} vs ${rangeBefore}`);

      // Click a running segment of the worker: the editor selects its line,
      // a line of work()'s loop.
      const lines = program.split('\n');
      let selected = 0;
      for (const frac of [0.3, 0.5, 0.7, 0.2, 0.8, 0.4, 0.6]) {
        await page.mouse.click(box.x + 150 + (box.width - 162) * frac, y);
        selected = Number(await canvas.getAttribute('data-selected-line'));
        if (selected > 0) break;
      }
      assert(selected > 0, 'a clicked segment had a source line');
      assertEq(await page.locator('#editor').getAttribute('data-selected-line'), String(selected), 'editor line');
      const selection = await page.evaluate(() => {
        const e = document.querySelector('#editor');
        return e.value.slice(e.selectionStart, e.selectionEnd);
      });
      assertEq(selection, lines[selected - 1], 'the selected text is that line');
      assert(/for _ in range|counter \+= 1|def work/.test(selection), `a line of work(): ${selection}`);
      console.log(`    clicked segment -> line ${selected}: ${selection.trim()}`);

      // The time cursor: at mid-run someone holds the GIL and the other
      // worker waits for it.
      await page.locator('#timeline-cursor').fill('5000');
      const facts = await page.locator('#timeline-facts').innerText();
      assert(/holds the GIL/.test(facts), `facts: ${facts}`);
      assert(/waits for the GIL, held by Thread-/.test(facts) || /runs on core/.test(facts), `facts: ${facts}`);

      // The summary and the statistics.
      const summary = await page.locator('#summary').innerText();
      assert(/^2 threads, \d+\.\d\d× the sequential time: the GIL let only one run at a time$/.test(summary),
        `summary: ${summary}`);
      console.log(`    summary: ${summary}`);
      assertEq(await page.locator('#stats-threads tbody tr').count(), 3, 'threads in the statistics');
      assert(/GIL hand-offs: \d+/.test(await page.locator('#stats-gil').innerText()), 'hand-offs line');
      await screenshot(page, 'timeline-3-cursor');

      await page.click('#lang-zh-Hans');
      await page.locator('#summary', { hasText: '个线程' }).waitFor({ timeout: 5_000 });
      assert((await page.locator('#summary').innerText()).includes('GIL 一次只允许一个线程运行'), 'zh summary');
      await page.locator('#stats-title', { hasText: '统计' }).waitFor({ timeout: 5_000 });
      await screenshot(page, 'timeline-4-zh');
      noProblems(watcher, 'timeline page');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('timeline: a Lock and a queue.Queue get their own lanes, drawn', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/`);
      await status(page);
      await runProgram(page, LOCK_AND_QUEUE);
      assertEq(await page.locator('#output').textContent(), python3Output(LOCK_AND_QUEUE), 'console output');
      const lanes = await rows(page);
      const lock = lanes.find((r) => /^Lock#\d+$/.test(r.label));
      const queue = lanes.find((r) => /^Queue#\d+$/.test(r.label));
      assert(lock && queue, `lock and queue lanes in ${lanes.map((r) => r.label)}`);
      // Library locks are hidden until asked for.
      assert(!lanes.some((r) => r.label.includes('Thread.join')), 'library locks hidden');
      const lockPixels = await drawnIn(page, lock.y, lock.h);
      const queuePixels = await drawnIn(page, queue.y, queue.h);
      assert(lockPixels > 50, `lock lane drawn: ${lockPixels} pixels`);
      assert(queuePixels > 200, `queue lane drawn: ${queuePixels} pixels`);
      console.log(`    lock lane ${lockPixels} px drawn, queue lane ${queuePixels} px drawn`);
      const box = await page.locator('#timeline canvas').boundingBox();
      // Hover the queue lane where the depth is drawn.
      let tipText = '';
      for (const frac of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        await page.mouse.move(box.x + 150 + (box.width - 162) * frac, box.y + queue.y + queue.h - 3);
        if (await page.locator('#timeline-tip').count()) {
          tipText = await page.locator('#timeline-tip').innerText();
          break;
        }
      }
      assert(/Queue#\d+ · queue depth \d+/.test(tipText), `queue tooltip: ${tipText}`);
      assert((await page.locator('#stats-locks').innerText()).includes(lock.label), 'lock in the statistics');
      assert((await page.locator('#stats-queues').innerText()).includes(queue.label), 'queue in the statistics');
      await page.check('#timeline-internal');
      const all = await rows(page);
      assert(all.length > lanes.length, `library locks shown: ${all.length} > ${lanes.length}`);
      await page.uncheck('#timeline-internal');
      await screenshot(page, 'timeline-5-lock-queue');
      noProblems(watcher, 'lock and queue page');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('timeline: asyncio tasks get lanes under their thread; each process its own group and GIL lane', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/`);
      await status(page);
      await runProgram(page, TASKS);
      assertEq(await page.locator('#output').textContent(), python3Output(TASKS), 'asyncio output');
      let lanes = await rows(page);
      const labels = lanes.map((r) => r.label);
      const main = labels.indexOf('MainThread');
      assert(main >= 0 && labels[main + 1] === 'event loop' && labels[main + 2] === 'Task-1' &&
        labels[main + 3] === 'Task-2' && labels[main + 4] === 'bee',
        `the event loop's lane, then the task lanes, right under MainThread: ${labels}`);
      const bee = lanes[main + 4];
      const awaiting = await colourIn(page, bee.y, bee.h, [0xd0, 0xbf, 0xff]);
      const running = await colourIn(page, bee.y, bee.h, [0x2f, 0x9e, 0x44]);
      assert(awaiting > 100, `the task's await drawn: ${awaiting} pixels`);
      assert(running > 0, `the task's steps drawn: ${running} pixels`);
      // Hover the await: the task, its thread, "awaiting".
      const box = await page.locator('#timeline canvas').boundingBox();
      let tipText = '';
      for (const frac of [0.3, 0.2, 0.4, 0.5, 0.1]) {
        await page.mouse.move(box.x + 150 + (box.width - 162) * frac, box.y + bee.y + bee.h / 2);
        if (await page.locator('#timeline-tip').count()) {
          tipText = await page.locator('#timeline-tip').innerText();
          if (tipText.includes('awaiting')) break;
        }
      }
      assert(tipText.includes('bee (MainThread): awaiting'), `task tooltip: ${tipText}`);
      // The loop is idle while every task sleeps (the middle of the run).
      const loopLane = lanes[main + 1];
      let loopTip = '';
      for (const frac of [0.3, 0.2, 0.4, 0.6, 0.7]) {
        await page.mouse.move(box.x + 150 + (box.width - 162) * frac, box.y + loopLane.y + loopLane.h / 2);
        if (await page.locator('#timeline-tip').count()) {
          loopTip = await page.locator('#timeline-tip').innerText();
          if (loopTip.includes('idle')) break;
        }
      }
      assert(loopTip.includes('event loop (MainThread): idle (waits for a timer or I/O)'), `loop tooltip: ${loopTip}`);
      await screenshot(page, 'timeline-6-tasks');

      await runProgram(page, PROCESSES);
      assertEq(await page.locator('#output').textContent(), python3Output(PROCESSES), 'processes output');
      lanes = await rows(page);
      const gils = lanes.filter((r) => r.label === 'GIL');
      assertEq(gils.length, 3, `a GIL lane per process: ${lanes.map((r) => r.label)}`);
      for (const g of gils) {
        const px = await drawnIn(page, g.y, g.h);
        assert(px > 50, `each GIL lane drawn: ${px} pixels`);
      }
      assert(gils[1].y > lanes.find((r) => r.label === 'MainThread').y, 'children after the program');
      await screenshot(page, 'timeline-7-processes');
      noProblems(watcher, 'tasks and processes page');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('timeline benchmark: 100,000 segments redrawn on zoom and pan (per-frame times printed)', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?timeline-bench=100000`);
      await status(page);
      await page.locator('#timeline canvas[data-rows]').waitFor({ timeout: 30_000 });
      const caption = await page.locator('#timeline-caption').innerText();
      const segments = Number(caption.split('·').pop().trim());
      assert(segments >= 100_000, `synthetic run: ${caption}`);
      const figures = await page.evaluate(async () => {
        const c = document.querySelector('#timeline canvas');
        const r = c.getBoundingClientRect();
        const ctx2d = c.getContext('2d');
        const y = r.top + 60;
        const frames = { zoom: [], pan: [], fit: [], draw: [] };
        const step = (kind, fire) => {
          const before = Number(c.dataset.draws);
          const t0 = performance.now();
          fire();
          ctx2d.getImageData(0, 0, 1, 1); // wait for the drawing itself
          const t1 = performance.now();
          if (Number(c.dataset.draws) === before) throw new Error(`${kind}: no redraw`);
          frames[kind].push(t1 - t0);
          frames.draw.push(Number(c.dataset.drawMs));
        };
        const wheel = (dy, x) => c.dispatchEvent(new WheelEvent('wheel', {
          deltaY: dy, clientX: x, clientY: y, bubbles: true, cancelable: true,
        }));
        const mouse = (type, x) => c.dispatchEvent(new MouseEvent(type, {
          clientX: x, clientY: y, button: 0, bubbles: true, cancelable: true,
        }));
        // The whole run in view (every segment a candidate), zooming in
        // around varying points, panning, zooming out.
        step('fit', () => document.querySelector('#timeline-fit').click());
        for (let i = 0; i < 20; i += 1) step('zoom', () => wheel(-120, r.left + 200 + (i * 37) % (r.width - 260)));
        mouse('mousedown', r.left + r.width * 0.8);
        for (let i = 1; i <= 40; i += 1) step('pan', () => mouse('mousemove', r.left + r.width * 0.8 - i * 12));
        mouse('mouseup', r.left + r.width * 0.3);
        for (let i = 0; i < 20; i += 1) step('zoom', () => wheel(120, r.left + r.width / 2));
        for (let i = 0; i < 5; i += 1) step('fit', () => document.querySelector('#timeline-fit').click());
        return frames;
      });
      const stats = (v) => {
        const s = [...v].sort((a, b) => a - b);
        const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
        return `n=${s.length} median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
      };
      console.log(`    ${segments} segments; per frame, input event to pixels:`);
      for (const kind of ['fit', 'zoom', 'pan']) console.log(`      ${kind.padEnd(4)} ${stats(figures[kind])}`);
      console.log(`      draw call alone ${stats(figures.draw)}`);
      const all = [...figures.zoom, ...figures.pan];
      const over = all.filter((t) => t > 16).length;
      console.log(`      zoom/pan frames over 16 ms: ${over} of ${all.length}`);
      const drawn = await pixelsOf(page, '#timeline canvas', [0x2f, 0x9e, 0x44]);
      assert(drawn > 100, `the synthetic run was drawn: ${drawn} running pixels`);
      await screenshot(page, 'timeline-6-bench');
      noProblems(watcher, 'benchmark page');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
