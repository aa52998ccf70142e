import type { Provider } from '@lexical/yjs';
import type { Awareness } from 'y-protocols/awareness';

/** The part of a board's provider the rich-text editors use: its shared awareness. */
export interface AwarenessSource {
	readonly awareness: Awareness;
}

/**
 * The board's provider as @lexical/yjs types it. y-websocket's `WebsocketProvider` does not match
 * that type exactly but fits at run time, and @lexical/yjs only reads `awareness` from it in the
 * functions Charter calls; this is the one place that says so.
 */
export function asCollabProvider(source: AwarenessSource): Provider {
	return source as unknown as Provider;
}
