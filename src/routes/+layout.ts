// Charter is local-first: boards live in the browser (IndexedDB, websocket, keys in the URL
// fragment), so pages render there. The server sends one app shell, which the service worker can
// cache, and never sees a board's content in an HTTP request.
export const ssr = false;
