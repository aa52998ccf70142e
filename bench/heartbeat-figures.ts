/**
 * npx tsx bench/heartbeat-figures.ts — what the sync status's heartbeat costs the server, beside
 * what a sync step 1 from a client that is up to date (the alternative the heartbeat was chosen
 * over, see server/sync/protocol.ts) costs on the same board: server CPU time per answer (from
 * /proc, over thousands of answers from 20 sockets, median of 3 rounds) and the round trip, on a
 * small kickoff board and on the large board (1,000 risks, 40 × 30 RACI, 20 rich-text fields),
 * both resting as they are between edits. Measured, never asserted: it prints figures.
 */
import * as Y from 'yjs';
import { createBoard } from '../src/lib/board/index.ts';
import { encodeHeartbeat } from '../src/lib/sync/wire.ts';
import { generateBoardKeys, type BoardKeys } from '../src/lib/sync/keys.ts';
import { encodeSync, MessageKind, SyncStep } from '../server/sync/protocol.ts';
import { isSyncFrame, ProtocolSocket } from '../tests/helpers/protocol-client.ts';
import { removeDataDir, startServer, type TestServer } from '../tests/helpers/server.ts';
import { buildLargeBoard, LARGE_BOARD } from './fixtures/large-board.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';
import { processCpuMicros } from './lib/proc.ts';
import { median } from './lib/stats.ts';

const SOCKETS = 20;
const ROUNDS = 3;
/** Quiet time that lets a board rest (the room keeps only its bytes) before measuring. */
const REST_MS = 1_500;

const isHeartbeat = (frame: Uint8Array) => frame[0] === MessageKind.heartbeat;
const isStep2 = (frame: Uint8Array) => isSyncFrame(frame, SyncStep.step2);

interface Row {
	board: string;
	message: string;
	answers: number;
	cpuMicrosPerAnswer: number;
	roundTripMs: number;
}

/** Stores `board` on the server through one socket; the heartbeat's answer says it is stored. */
async function store(server: TestServer, keys: BoardKeys, board: Y.Doc): Promise<void> {
	const writer = await ProtocolSocket.open(server.syncUrl, keys.boardId, keys.editKey);
	await writer.greeted();
	writer.send(encodeSync(SyncStep.update, Y.encodeStateAsUpdate(board)));
	const stored = writer.next(isHeartbeat, 30_000);
	writer.send(encodeHeartbeat(1));
	await stored;
	writer.terminate();
}

/** Server CPU per answer (µs), median round trip (ms) and how many answers one round had. */
interface Measured {
	cpu: number;
	roundTrip: number;
	answers: number;
}

/** The median round of several, figure by figure. */
function medianOf(rounds: readonly Measured[]): Measured {
	return {
		cpu: median(rounds.map((round) => round.cpu)),
		roundTrip: median(rounds.map((round) => round.roundTrip)),
		answers: rounds[0]!.answers
	};
}

/** Each socket asks `perSocket` times in turn; returns CPU per answer and the median round trip. */
async function measure(
	server: TestServer,
	sockets: ProtocolSocket[],
	perSocket: number,
	ask: (
		socket: ProtocolSocket,
		i: number
	) => { send: Uint8Array; answer: (f: Uint8Array) => boolean }
): Promise<Measured> {
	const trips: number[] = [];
	const cpuBefore = processCpuMicros(server.pid);
	await Promise.all(
		sockets.map(async (socket) => {
			for (let i = 0; i < perSocket; i++) {
				const { send, answer } = ask(socket, i);
				const answered = socket.next(answer, 30_000);
				const start = performance.now();
				socket.send(send);
				await answered;
				trips.push(performance.now() - start);
			}
		})
	);
	const answers = sockets.length * perSocket;
	return {
		cpu: (processCpuMicros(server.pid) - cpuBefore) / answers,
		roundTrip: median(trips),
		answers
	};
}

async function figuresFor(name: string, board: Y.Doc, stepOnesPerSocket: number): Promise<Row[]> {
	const server = await startServer();
	try {
		const keys = await generateBoardKeys();
		await store(server, keys, board);
		const stateVector = Y.encodeStateVector(board);
		const sockets = await Promise.all(
			Array.from({ length: SOCKETS }, () =>
				ProtocolSocket.open(server.syncUrl, keys.boardId, keys.viewKey)
			)
		);
		await Promise.all(sockets.map((socket) => socket.greeted(30_000)));
		// Warm up both paths (JIT, buffers), then let the board rest again before measuring.
		await measure(server, sockets, 20, (_socket, i) => ({
			send: encodeHeartbeat(10_000 + i),
			answer: isHeartbeat
		}));
		await measure(server, sockets, 1, () => ({
			send: encodeSync(SyncStep.step1, stateVector),
			answer: isStep2
		}));
		await new Promise((resolve) => setTimeout(resolve, REST_MS));
		// Three rounds, the two messages alternating, so that neither always runs on a busier moment.
		const heartbeats: Measured[] = [];
		const stepOnes: Measured[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			heartbeats.push(
				await measure(server, sockets, 250, (_socket, i) => ({
					send: encodeHeartbeat(round * 1_000 + i),
					answer: isHeartbeat
				}))
			);
			stepOnes.push(
				await measure(server, sockets, stepOnesPerSocket, () => ({
					send: encodeSync(SyncStep.step1, stateVector),
					answer: isStep2
				}))
			);
		}
		const heartbeat = medianOf(heartbeats);
		const stepOne = medianOf(stepOnes);
		for (const socket of sockets) socket.terminate();
		return [
			{
				board: name,
				message: 'heartbeat',
				answers: heartbeat.answers,
				cpuMicrosPerAnswer: heartbeat.cpu,
				roundTripMs: heartbeat.roundTrip
			},
			{
				board: name,
				message: 'sync step 1 (up to date)',
				answers: stepOne.answers,
				cpuMicrosPerAnswer: stepOne.cpu,
				roundTripMs: stepOne.roundTrip
			}
		];
	} finally {
		await server.kill();
		removeDataDir(server.dataDir);
	}
}

const small = createBoard('kickoff');
const large = buildLargeBoard(LARGE_BOARD, await createRichTextWriter());
const rows = [
	...(await figuresFor('kickoff (new)', small, 250)),
	...(await figuresFor('large', large, 10))
];

console.log('| board | message | answers | server CPU µs per answer | round trip p50 ms |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) {
	console.log(
		`| ${row.board} | ${row.message} | ${row.answers} | ${row.cpuMicrosPerAnswer.toFixed(1)} | ${row.roundTripMs.toFixed(2)} |`
	);
}
