// A board lives in the browser (IndexedDB, websocket, keys in the fragment): nothing to render
// on the server, which never sees a board's content in an HTTP request.
export const ssr = false;
