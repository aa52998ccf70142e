/**
 * Hocuspocus 3.4.4's provider for the bench's load clients, from bench/'s own install.
 * ../load/clients.ts imports this module by URL (see there) and wraps it like every other client.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { OpenPeerProvider } from '../load/clients.ts';

/** Opens a board on a Hocuspocus server with one socket of its own. */
export const openHocuspocusProvider: OpenPeerProvider = (address, doc, WebSocketPolyfill) => {
	let resolveSynced: () => void;
	const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
	// One socket per client, as a browser tab has, so every server serves the same sockets.
	const socket = new HocuspocusProviderWebsocket({ url: address.url, WebSocketPolyfill });
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: address.room,
		document: doc,
		onSynced: () => resolveSynced()
	});
	provider.attach();
	return {
		synced,
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
};
