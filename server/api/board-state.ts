import * as Y from 'yjs';
import { mergeCollected } from '../store/collect-garbage.ts';
import type { Store } from '../store/store.ts';
import type { RoomRegistry } from '../sync/rooms.ts';

/**
 * The current state of a board as one Yjs update: the loaded room's document once everything
 * it queued is stored, or else what the store holds. Null when nothing was ever stored for it.
 */
export async function readBoardState(
	boardId: string,
	rooms: RoomRegistry,
	store: Store
): Promise<Uint8Array | null> {
	const room = await rooms.peek(boardId);
	if (room) {
		await room.settled();
		return room.encodeState();
	}
	const stored = await store.load(boardId);
	const parts = stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log;
	if (parts.length === 0) return null;
	return parts.length === 1 ? parts[0]! : mergeCollected(parts);
}

/** The current state of a board as a Y.Doc (see readBoardState), or null when nothing is stored. */
export async function readBoardDoc(
	boardId: string,
	rooms: RoomRegistry,
	store: Store
): Promise<Y.Doc | null> {
	const state = await readBoardState(boardId, rooms, store);
	if (!state) return null;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc;
}
