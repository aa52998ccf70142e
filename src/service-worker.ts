/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Caches the app shell so a board this browser knows opens with no network: the board itself
// comes from IndexedDB, and every page is the same client-rendered shell.
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `charter-shell-${version}`;
const SHELL = '/';
const ASSETS = new Set([...build, ...files]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS, SHELL]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => worker.clients.claim())
	);
});

async function networkFirstShell(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok) return response;
		throw new Error(`status ${response.status}`);
	} catch {
		const cached = await caches.match(SHELL, { cacheName: CACHE });
		return cached ?? Response.error();
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(networkFirstShell(request));
	} else if (ASSETS.has(url.pathname)) {
		event.respondWith(
			caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetch(request))
		);
	}
	// Everything else (/sync, /healthz, /metrics, /api) goes to the network untouched.
});
