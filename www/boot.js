// Interleave boot script: picks the wasm build this page can run, starts it,
// and (on static hosts without header control) makes the page cross-origin
// isolated through our service worker, sw.js.
//
// Order: isolation check → wasm (and, meanwhile, sources.json: the stdlib's
// Python sources and the presets, kept out of the wasm for its size) →
// sources handed over → thread pool → app. The threaded build is
// loaded only when `crossOriginIsolated` (SharedArrayBuffer is available);
// otherwise the plain build runs every simulation feature on one thread.
//
// URL switches: ?isolate=0 turns the service worker off (and unregisters it);
// ?workers=N sets the pool size (default: navigator.hardwareConcurrency).

const params = new URLSearchParams(location.search);
const RELOAD_KEY = 'interleave.sw-reload';

function isEmbedded() {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}

function say(text, isError = false) {
  const el = document.getElementById('boot-message');
  if (el) {
    el.textContent = text;
    el.classList.toggle('error', isError);
  }
}

// Returns true when the page is about to reload under the service worker.
async function isolateWithServiceWorker() {
  const reloaded = sessionStorage.getItem(RELOAD_KEY) !== null;
  sessionStorage.removeItem(RELOAD_KEY);
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  const swUrl = new URL('sw.js', import.meta.url);
  if (params.get('isolate') === '0') {
    const regs = await navigator.serviceWorker.getRegistrations();
    await Promise.all(
      regs.filter((r) => (r.active || r.waiting || r.installing)?.scriptURL === swUrl.href)
        .map((r) => r.unregister()),
    );
    return false;
  }
  // An embed cannot become isolated unless its parent is: the service worker
  // would reload it for nothing.
  if (self.crossOriginIsolated || isEmbedded() || reloaded) return false;
  say('Enabling cross-origin isolation (one reload)…');
  await navigator.serviceWorker.register(swUrl);
  await navigator.serviceWorker.ready;
  sessionStorage.setItem(RELOAD_KEY, '1');
  location.reload();
  return true;
}

// The bundle `./x dist` writes (src/sources.rs), fetched while the wasm
// compiles.
async function fetchSources() {
  const response = await fetch(new URL('sources.json', import.meta.url));
  if (!response.ok) throw new Error(`sources.json: HTTP ${response.status}`);
  return response.text();
}

async function boot() {
  try {
    if (await isolateWithServiceWorker()) return;
  } catch (e) {
    console.warn('interleave: the service worker could not isolate this page:', e);
  }
  const sources = fetchSources();
  sources.catch(() => {}); // awaited below; no unhandled rejection meanwhile
  const threaded = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const requested = Number.parseInt(params.get('workers') ?? '', 10);
  const workers = requested > 0 ? requested : Math.max(1, navigator.hardwareConcurrency || 1);
  let poolError;
  if (threaded) {
    try {
      say(`Starting ${workers} workers…`);
      const pkg = await import('./pkg-threads/interleave.js');
      await pkg.default();
      pkg.provideSources(await sources);
      await pkg.start(workers, undefined);
      return;
    } catch (e) {
      poolError = String(e?.message ?? e);
      console.warn('interleave: threaded build failed, falling back to the plain build:', e);
    }
  }
  say('Loading…');
  const pkg = await import('./pkg/interleave.js');
  await pkg.default();
  pkg.provideSources(await sources);
  await pkg.start(0, poolError);
}

boot().catch((e) => {
  console.error('interleave: boot failed:', e);
  say(`Interleave could not start: ${e?.message ?? e}`, true);
});
