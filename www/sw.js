// Interleave's service worker: makes the page cross-origin isolated on static
// hosts that cannot send headers (GitHub Pages and the like). It re-serves
// every same-origin response with COOP/COEP/CORP added, which is what our own
// server (`interleave serve`) sends anyway. The boot script registers it and
// reloads the page once; `?isolate=0` on a navigation bypasses it (and the
// boot script then unregisters it), and so does the Perfetto helper page.

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Chrome throws on these when they are not same-origin.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.searchParams.get('isolate') === '0') return;
  // The Perfetto helper must not be isolated (see src/ui/perfetto.rs).
  if (request.mode === 'navigate' && url.pathname.endsWith('/perfetto.html')) return;
  event.respondWith(
    fetch(request).then((response) => {
      if (response.status === 0) return response; // opaque: cannot be rewritten
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    }),
  );
});
