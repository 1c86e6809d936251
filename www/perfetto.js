// Interleave's Perfetto helper: gets a run's Chrome trace from the
// Interleave page over a BroadcastChannel (both pages are of this origin)
// and hands it to the Perfetto UI the way Perfetto documents it
// ("Deep linking to Perfetto UI"): open ui.perfetto.dev, send PING until it
// answers PONG, then post {perfetto: {buffer, title, fileName}}.
//
// It exists as a page of its own because the Interleave page is
// cross-origin isolated and cannot reach a window it opens on another
// origin; this one is served without the isolation headers (the server
// and the service worker leave it alone). See src/ui/perfetto.rs.

const CHANNEL = 'interleave-perfetto';
const PERFETTO = 'https://ui.perfetto.dev';

const TEXT = {
  en: {
    heading: 'Open a trace in Perfetto',
    asking: 'Asking the Interleave page for the trace…',
    got: (title, kb, events) => `${title}: ${events} events, ${kb} KB.`,
    ready: 'Ready. The Perfetto UI opens in a new tab.',
    open: 'Open in the Perfetto UI',
    save: 'Download the JSON',
    waiting: 'Waiting for the Perfetto UI to load…',
    sent: 'Sent to the Perfetto UI. You can close this tab.',
    blocked: 'The browser blocked the new tab. Allow pop-ups for this page and press the button again.',
    noAnswer: 'The Perfetto UI did not answer (is ui.perfetto.dev reachable?). Download the JSON and open it there by hand.',
    gone: 'The Interleave page no longer has this trace. Press “Open in Perfetto” there again.',
    missing: 'No Interleave page answered. Open this page from the “Open in Perfetto” button after a run.',
    bad: 'The trace could not be read.',
    about: 'This page belongs to Interleave. It hands the trace to ui.perfetto.dev in a new tab, and nothing else is sent anywhere.',
  },
  zh: {
    heading: '在 Perfetto 中打开跟踪',
    asking: '正在向 Interleave 页面索取跟踪…',
    got: (title, kb, events) => `${title}：${events} 个事件，${kb} KB。`,
    ready: '准备好了。Perfetto UI 将在新标签页中打开。',
    open: '在 Perfetto UI 中打开',
    save: '下载 JSON',
    waiting: '正在等待 Perfetto UI 加载…',
    sent: '已交给 Perfetto UI。可以关闭此标签页。',
    blocked: '浏览器拦截了新标签页。请允许此页面弹出窗口，然后再按一次按钮。',
    noAnswer: 'Perfetto UI 没有回应（能访问 ui.perfetto.dev 吗？）。请下载 JSON 后手动在那里打开。',
    gone: 'Interleave 页面已不再保留这个跟踪。请在那里再按一次“在 Perfetto 中打开”。',
    missing: '没有 Interleave 页面回应。请在运行后用“在 Perfetto 中打开”按钮打开此页。',
    bad: '无法读取这个跟踪。',
    about: '此页面属于 Interleave。它把跟踪交给新标签页中的 ui.perfetto.dev，不会向其他任何地方发送数据。',
  },
};

const params = new URLSearchParams(location.hash.slice(1));
const id = params.get('id') || '';
const lang = params.get('lang') === 'zh' ? 'zh' : 'en';
const t = TEXT[lang];
const $ = (sel) => document.getElementById(sel);

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
$('heading').textContent = t.heading;
$('open').textContent = t.open;
$('save').textContent = t.save;
$('about').textContent = t.about;

function say(text) {
  $('status').textContent = text;
}

let trace = null; // {title, bytes: Uint8Array}

function received(data) {
  if (trace) return;
  if (data.type === 'gone') {
    say(t.gone);
    return;
  }
  let events;
  try {
    events = JSON.parse(data.json).traceEvents.length;
  } catch {
    say(t.bad);
    return;
  }
  const bytes = new TextEncoder().encode(data.json);
  trace = { title: String(data.title || 'Interleave'), bytes };
  const info = $('trace-info');
  info.textContent = t.got(trace.title, Math.ceil(bytes.length / 1024), events);
  info.hidden = false;
  const save = $('save');
  save.href = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
  save.hidden = false;
  $('open').disabled = false;
  say(t.ready);
}

const channel = new BroadcastChannel(CHANNEL);
channel.onmessage = (e) => {
  if (e.data && e.data.id === id && (e.data.type === 'trace' || e.data.type === 'gone')) received(e.data);
};
// Ask until the Interleave page answers (it may still be busy), for 5 s.
let asked = 0;
const asking = setInterval(() => {
  if (trace || asked++ >= 25) {
    clearInterval(asking);
    if (!trace && $('status').textContent === t.asking) say(t.missing);
    return;
  }
  channel.postMessage({ type: 'want', id });
}, 200);
say(t.asking);
channel.postMessage({ type: 'want', id });

$('open').addEventListener('click', () => {
  if (!trace) return;
  const win = window.open(PERFETTO);
  if (!win) {
    say(t.blocked);
    return;
  }
  say(t.waiting);
  let pings = 0;
  const ping = setInterval(() => {
    if (pings++ >= 600) {
      clearInterval(ping);
      say(t.noAnswer);
      return;
    }
    win.postMessage('PING', PERFETTO);
  }, 50);
  const onMessage = (e) => {
    if (e.origin !== PERFETTO || e.data !== 'PONG') return;
    clearInterval(ping);
    window.removeEventListener('message', onMessage);
    // A copy: the buffer is transferred-by-clone, and the user may send again.
    const buffer = trace.bytes.slice().buffer;
    win.postMessage({ perfetto: { buffer, title: trace.title, fileName: 'interleave-trace.json' } }, PERFETTO);
    say(t.sent);
  };
  window.addEventListener('message', onMessage);
});
