import * as Y from 'yjs';
import { generateBoardKeys } from '../../src/lib/sync/keys.ts';
import { buildLargeBoard } from '../fixtures/large-board.ts';
import type { ClientAddress } from '../load/clients.ts';
import { LoadWorker, split } from '../lib/pool.ts';
import { rssKibOf, sleep } from '../lib/proc.ts';
import type { ServerEntry } from '../lib/servers.ts';

/** How the many-rooms scenario is run. */
export interface RoomsSettings {
	rooms: number;
	clientsPerRoom: number;
	threads: number;
}

/** What one many-rooms run measured. */
export interface RoomsFigures extends Record<string, number> {
	/** Growth of the server's resident memory (after a full collection) per loaded room. */
	rss_kib_per_room: number;
	rss_mib: number;
}

/** A small kickoff board: what most loaded rooms hold. */
export function smallBoardUpdate(): Uint8Array {
	const doc = buildLargeBoard(
		{ risks: 12, people: 6, tasks: 6, richTextFields: 0, paragraphsPerField: 0 },
		() => {}
	);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * R rooms × C clients, idle once synced: resident memory per loaded room, measured after a
 * full garbage collection before and after the rooms are loaded.
 */
export async function runRooms(
	server: ServerEntry,
	settings: RoomsSettings,
	seedUpdate: Uint8Array
): Promise<RoomsFigures> {
	const started = await server.start();
	try {
		await started.collectGarbage();
		const before = rssKibOf(started.pids);
		const rooms: ClientAddress[][] = [];
		let client = 0;
		for (let r = 0; r < settings.rooms; r++) {
			const keys = await generateBoardKeys();
			rooms.push(
				Array.from({ length: settings.clientsPerRoom }, () => ({
					kind: server.clientKind,
					url: started.urls[client++ % started.urls.length]!,
					room: keys.boardId,
					protocols: server.protocols(keys)
				}))
			);
		}
		const workers = split(rooms, settings.threads).map(
			(part) => new LoadWorker({ type: 'rooms', rooms: part, seedUpdate })
		);
		await Promise.all(workers.map((worker) => worker.next('ready')));
		await sleep(2_000);
		await started.collectGarbage();
		const after = rssKibOf(started.pids);
		await Promise.all(workers.map((worker) => worker.close()));
		return { rss_kib_per_room: (after - before) / settings.rooms, rss_mib: after / 1024 };
	} finally {
		await started.stop();
	}
}
