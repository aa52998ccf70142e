import type { Plugin } from 'vite';

/** Attaches Charter's sync server to Vite's dev server (filled in with the server). */
export function charterSyncPlugin(): Plugin {
	return { name: 'charter-sync', apply: 'serve' };
}
