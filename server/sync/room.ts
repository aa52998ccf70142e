import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Capability } from '../../src/lib/sync/keys.ts';
import type { Bus, BusChannel, BusListener } from '../bus/bus.ts';
import { RemotePresence } from '../bus/remote-presence.ts';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import type { Store, StoredBoard } from '../store/store.ts';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness.ts';
import { BoardState, EMPTY_STATE_VECTOR, isEmptyUpdate } from './board-state.ts';
import { DocChanges, PartlyAppliedError, type DocChange } from './doc-changes.ts';
import { binaryFrame } from './frame.ts';
import {
	DEFAULT_PENDING_LIMITS,
	PendingUpdates,
	takeWaiting,
	UNBOUNDED,
	type PendingLimits,
	type WaitingUpdate
} from './pending.ts';
import { greetWithPresence } from './presence-greeting.ts';
import { PresenceRelay } from './presence-relay.ts';
import { LateStringFolder, upgradeOnLoad } from './schema-upgrade.ts';
import { RiskNumberer } from './risk-numberer.ts';
import {
	encodeAwareness,
	encodeHeartbeat,
	encodeSync,
	MalformedMessageError,
	SyncStep,
	type CloseReasonName
} from './protocol.ts';
import type { BoardCreationQuota } from '../quotas.ts';
import { DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from './update-admission.ts';
import { UpdateGate } from './update-gate.ts';
import { inspectStoredUpdate } from './update-items.ts';
import { RoomAwareness, type AwarenessOutcome } from './room-presence.ts';
import { RoomWrites, type UpdateBatch } from './room-writes.ts';
import { checkTransition, type Transitions } from './phase.ts';

// A room's lifecycle. Only a live room holds its board as a Y.Doc; a broken or unloading room
// takes no more work, whatever its board is held as.
//
//               an edit builds the doc
//     resting ─────────────────────────▶ live
//      │  ◀───────────────────────────    │
//      │      quiet for ~1 s: rests       │
//      │                                  │
//      ├───── a store write failed ───────┤
//      │                ▼                 │
//      │             broken               │
//      │                │                 │
//      │                ▼                 │
//      └──────────▶ unloading ◀───────────┘
//                    (final)
//
// unload() moves any other phase to unloading. A write that fails while the room unloads
// stops its queue (room-writes.ts), and the room stays unloading.

/** The phases of a room, as drawn above. */
export type RoomPhaseName = 'resting' | 'live' | 'broken' | 'unloading';

/** A room's phase with what only that phase holds. */
type RoomPhase =
	{ name: 'resting' | 'live' | 'broken' } | { name: 'unloading'; unloaded: Promise<void> };

/** Where each phase of a room may go next, as drawn above. */
export const ROOM_TRANSITIONS: Transitions<RoomPhaseName> = {
	resting: ['live', 'broken', 'unloading'],
	live: ['resting', 'broken', 'unloading'],
	broken: ['unloading'],
	unloading: []
};

/** What a room needs from a connection: a way to send frames and to be closed. */
export interface RoomPeer {
	/** What the peer's key allows; presence ids are bound to it (see room-presence.ts). */
	readonly capability: Capability;
	/** Sends one message (the payload of a binary frame). */
	send(message: Uint8Array): void;
	/** Sends a complete websocket frame made by `binaryFrame`, shared by every peer it goes to. */
	sendFrame(frame: Buffer): void;
	close(reason: CloseReasonName): void;
	/** The client's address, for the quotas per address (see server/client-address.ts). */
	readonly address?: string;
}

/** Services a room uses. */
export interface RoomDeps {
	store: Store;
	metrics: Metrics;
	logger: Logger;
	limits: Pick<
		Limits,
		| 'maxAwarenessStateBytes'
		| 'maxAwarenessIdsPerConnection'
		| 'awarenessRelayMs'
		| 'maxAwarenessBytesPerConnection'
		| 'maxAwarenessStatesPerRoom'
		| 'maxAwarenessBytesPerRoom'
		| 'awarenessRelayBytesPerSecond'
	>;
	/** Compact the board's log into a snapshot once it holds this many updates. */
	compactAfterUpdates: number;
	/** Told (synchronously, after the relays) each time a change of the board was stored. */
	onStored?: (boardId: string) => void;
	/** Carries what the room stores and its presence to the other nodes, and theirs back. */
	bus: Bus;
	/** What an update may cost before it is applied (default DEFAULT_ADMISSION_LIMITS). */
	admission?: AdmissionLimits;
	/** How much waiting (pending) data the board holds (default DEFAULT_PENDING_LIMITS). */
	pending?: PendingLimits;
	/** Who may create boards (absent: anyone). */
	boards?: BoardCreationQuota;
}

/** Origin of the updates a room applies from its store, so they are never stored again. */
const STORE_ORIGIN = Symbol('charter.store');

/** Origin of the updates other nodes stored and sent on the bus: relayed, never stored again. */
const BUS_ORIGIN = Symbol('charter.bus');

/** What applying an update did: what the board gained, and the part that waits. */
interface Integrated {
	added: Uint8Array | null;
	waiting: WaitingUpdate | null;
}

// A board stored as one update rests as it is when nothing in it waits for a missing
// dependency; one that does (written by an earlier Charter) is built, and the rest dropped.
function restingState(
	bytes: Uint8Array | undefined
): { bytes: Uint8Array; stateVector?: Uint8Array } | null {
	if (!bytes) return { bytes: Y.encodeStateAsUpdate(new Y.Doc()) };
	try {
		const { complete, stateVector } = inspectStoredUpdate(bytes);
		return complete ? { bytes, stateVector } : null;
	} catch {
		return null;
	}
}

/**
 * One board held in memory with the connections editing it. Every update is applied, then
 * appended to the store, and only then relayed; replies and relays go out through one serial
 * queue, so nothing a peer receives can be ahead of what the store holds. Presence is relayed
 * at most once per `awarenessRelayMs`, however many peers chatter.
 */
export class Room {
	// Starts resting as an empty board: load() builds it or rests it as what the store holds.
	#phase: RoomPhase = { name: 'resting' };
	readonly #state = new BoardState((doc) => this.#built(doc), STORE_ORIGIN);
	readonly #changes = new DocChanges();
	readonly peers = new Set<RoomPeer>();
	readonly #presence: RoomAwareness<RoomPeer>;
	/** Editors' presence and viewers' presence are relayed apart: viewers' at a bounded rate. */
	readonly #presenceRelays: Record<Capability, PresenceRelay<RoomPeer>>;
	readonly #writes: RoomWrites<RoomPeer>;
	#channel: BusChannel | null = null;
	readonly #remotePresence = new RemotePresence();
	#lateStrings: LateStringFolder | null = null;
	/** The one numbering authority of the board's risks (R-n), after peers' updates. */
	readonly #riskNumbers = new RiskNumberer((origin) => this.peers.has(origin as RoomPeer));
	#gate: UpdateGate<RoomPeer>;
	readonly #waiting: PendingUpdates<RoomPeer>;
	/**
	 * Updates other nodes publish while this room loads, applied once what the store holds is in
	 * place (null after the load): applied to the empty board, they would wait for their
	 * dependencies until some later update came, or be dropped with it when the room rests.
	 */
	#duringLoad: Uint8Array[] | null = [];

	private constructor(
		readonly boardId: string,
		private readonly deps: RoomDeps,
		private readonly onBroken: (room: Room) => void
	) {
		this.#gate = this.#newGate(0);
		this.#waiting = new PendingUpdates(deps.pending ?? DEFAULT_PENDING_LIMITS);
		this.#writes = new RoomWrites(boardId, {
			store: deps.store,
			metrics: deps.metrics,
			compactAfterUpdates: deps.compactAfterUpdates,
			stored: (batch) => this.#stored(batch),
			failed: (error) => this.#fail(error)
		});
		const { limits } = deps;
		this.#presence = new RoomAwareness(
			{
				maxStateBytes: limits.maxAwarenessStateBytes,
				maxIdsPerOwner: limits.maxAwarenessIdsPerConnection,
				maxBytesPerOwner: limits.maxAwarenessBytesPerConnection,
				maxStates: limits.maxAwarenessStatesPerRoom,
				maxBytes: limits.maxAwarenessBytesPerRoom
			},
			(peer) => peer.capability
		);
		// One frame for the whole batch to this node's peers, and the same update to other nodes.
		const relay = (entries: AwarenessEntry[], except: RoomPeer | undefined) => {
			const update = encodeAwarenessUpdate(entries);
			this.#broadcast(encodeAwareness(update), except);
			this.#channel?.publish('awareness', update);
		};
		this.#presenceRelays = {
			edit: new PresenceRelay(limits.awarenessRelayMs, relay),
			view: new PresenceRelay(limits.awarenessRelayMs, relay, limits.awarenessRelayBytesPerSecond)
		};
	}

	/**
	 * Loads a board from the store; no peer hears from the room before this resolves.
	 * `onBroken` is called once if a store write fails, so the board can be reloaded afresh.
	 */
	static async load(
		boardId: string,
		deps: RoomDeps,
		onBroken: (room: Room) => void = () => {}
	): Promise<Room> {
		const room = new Room(boardId, deps, onBroken);
		// Joined before the load, so nothing another node stores meanwhile is missed.
		room.#channel = await deps.bus.join(boardId, room.#fromOtherNodes);
		// A schema-1 board is migrated here, and a board from before risk numbers numbered, before
		// anyone syncs with it (schema-upgrade.ts).
		const { stored, upgrade } = await deps.store
			.load(boardId)
			.then((loaded) => upgradeOnLoad(boardId, deps.store, loaded))
			.catch((error: unknown) => {
				room.#channel?.leave();
				throw error;
			});
		if (upgrade) {
			if (upgrade.migrated)
				deps.logger.info({ boardId }, 'migrated the board to the current schema');
			if (upgrade.numbered) deps.logger.info({ boardId }, "numbered the board's risks");
			room.#channel?.publish('update', upgrade.update);
		}
		room.#writes.resumeLog(stored.log.length);
		// A board stored as one update rests as those bytes: nothing is decoded until an edit.
		const parts = stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log;
		room.#gate = room.#newGate(parts.reduce((sum, part) => sum + part.length, 0));
		const resting = parts.length <= 1 ? restingState(parts[0]) : null;
		if (resting) room.#state.restAs(resting.bytes, resting.stateVector);
		else {
			room.#applyStored(stored);
			room.#riskNumbers.number();
			room.#storeOwnChange();
			room.#restWhenIdle();
		}
		room.#applyLoadedMeanwhile();
		return room;
	}

	// What other nodes published during the load, now that the stored board is in place.
	#applyLoadedMeanwhile(): void {
		const meanwhile = this.#duringLoad ?? [];
		this.#duringLoad = null;
		for (const update of meanwhile) this.#guardBus(() => this.#applyFromOtherNode(update));
	}

	/** The board's document, built from its resting bytes if need be (see board-state.ts). */
	get doc(): Y.Doc {
		if (!this.#state.resting) return this.#state.doc;
		const restingBytes = this.#state.restingBytes;
		if (restingBytes !== null) this.#gate.measured(restingBytes);
		// The resting bytes are the store's; what Yjs changes on its own on top of them is stored.
		try {
			this.#changes.apply(STORE_ORIGIN, () => this.#state.doc);
		} finally {
			this.#storeOwnChange();
			this.#restWhenIdle();
		}
		return this.#state.doc;
	}

	/** The whole board as one update, without waking a resting board (for exports, versions). */
	encodeState(): Uint8Array {
		return this.#state.missing(EMPTY_STATE_VECTOR);
	}

	/** Where the room is in its lifecycle (drawn at the top of this file). */
	get phase(): RoomPhaseName {
		return this.#phase.name;
	}

	/** True once a store write failed: the room takes no more work and waits to be unloaded. */
	get broken(): boolean {
		return this.#phase.name === 'broken';
	}

	/** Greets a new peer with the server's state vector and everyone's presence, in parts. */
	join(peer: RoomPeer): void {
		this.peers.add(peer);
		peer.send(encodeSync(SyncStep.step1, this.#state.stateVector()));
		const present = [...this.#presence.present(), ...this.#remotePresence.present()];
		greetWithPresence(
			(message) => peer.send(message),
			present,
			() => this.peers.has(peer)
		);
	}

	/** Removes a peer and the presence it owned, telling the others. */
	leave(peer: RoomPeer): void {
		if (!this.peers.delete(peer)) return;
		// What it left waiting, it sends again when it reconnects (in its sync step 2).
		this.#waiting.drop(peer);
		const removed = this.#presence.release(peer);
		if (removed.length > 0) this.#presenceRelays[peer.capability].add(removed, peer);
	}

	/**
	 * Answers sync step 1 with what the peer lacks, once all it could see is durable.
	 * Returns the size of the reply, which the peer's byte budget pays for.
	 */
	answerStateVector(peer: RoomPeer, stateVector: Uint8Array): number {
		const reply = encodeSync(SyncStep.step2, this.#state.missing(stateVector));
		this.#writes.sendAfterBatch(() => peer.send(reply));
		return reply.length;
	}

	/**
	 * Answers a heartbeat once every store write queued before it has finished: the answer
	 * tells the peer that everything it sent before the heartbeat is durable (see protocol.ts).
	 * An open batch may still take later updates; they are stored before the answer too, which
	 * only acknowledges more. Costs one tiny frame, no diff of the board and no store access.
	 */
	answerHeartbeat(peer: RoomPeer, id: number): void {
		const answer = encodeHeartbeat(id);
		this.#writes.sendAfterWrites(() => peer.send(answer));
	}

	/**
	 * Applies an update from an editor, stores it and then relays it to the other peers. An
	 * update refused by admission (update-gate.ts) closes `from` and changes nothing. Throws
	 * MalformedMessageError when the update cannot be applied (the caller closes that
	 * connection).
	 */
	applyUpdate(from: RoomPeer, update: Uint8Array): void {
		// What a peer with nothing new answers sync step 1 with: no need to wake a resting board.
		if (isEmptyUpdate(update)) return;
		// Built (if it rested) before the update's own transaction is tracked below. Building is
		// the room's own doing: the peer's budget pays only for admitting and applying its update.
		const doc = this.doc;
		const started = performance.now();
		if (!this.#gate.admit(from, update, doc)) return;
		let outcome: Integrated;
		try {
			outcome = this.#integrate(from, update);
		} catch (error) {
			takeWaiting(doc);
			// What a damaged update left in the doc is stored and relayed like any edit, so that
			// the store, the room and every peer still agree.
			const partly = error instanceof PartlyAppliedError ? error : null;
			if (partly) this.#storeAndRelay(from, partly.change.encode());
			this.#storeOwnChange();
			const cause = partly ? partly.cause : error;
			throw new MalformedMessageError('update could not be applied', { cause });
		}
		// A duplicate changes nothing and is neither stored nor relayed; the part of an update
		// still waiting for its dependencies is held (pending.ts) until they arrive.
		if (outcome.added) this.#storeAndRelay(from, outcome.added);
		if (outcome.waiting) this.#hold(from, outcome.waiting);
		this.#gate.charge(from, performance.now() - started);
		this.#retryWaiting();
		// A schema-1 client's plain strings, folded into text as the room's own change (stored and
		// relayed after the updates they follow).
		this.#lateStrings?.fold();
		// New risks get their numbers from the server alone (risk-numberer.ts), stored and
		// relayed to every peer, the sender too, as the room's own change.
		this.#riskNumbers.number();
		this.#storeOwnChange();
		this.#restWhenIdle();
	}

	/** Applies the entries of an awareness update that `from` may write, and relays them. */
	applyAwareness(from: RoomPeer, update: Uint8Array): AwarenessOutcome {
		const outcome = this.#presence.apply(from, decodeAwarenessUpdate(update));
		if (outcome.changed.length > 0)
			this.#presenceRelays[from.capability].add(outcome.changed, from);
		if (outcome.echo.length > 0) from.send(encodeAwareness(encodeAwarenessUpdate(outcome.echo)));
		return outcome;
	}

	/** Resolves once every queued store write and reply has gone out. */
	settled(): Promise<void> {
		return this.#writes.settled();
	}

	/** Waits for pending writes, compacts the log and frees the room's memory (once). */
	unload(): Promise<void> {
		if (this.#phase.name === 'unloading') return this.#phase.unloaded;
		this.#channel?.leave();
		const unloaded = this.#unload();
		this.#enter({ name: 'unloading', unloaded });
		return unloaded;
	}

	async #unload(): Promise<void> {
		await this.settled();
		this.#presenceRelays.edit.stop();
		this.#presenceRelays.view.stop();
		await this.#writes.compactAll();
		this.#state.destroy();
	}

	// Every change of phase goes through here, so no illegal one can happen unnoticed.
	#enter(next: RoomPhase): void {
		checkTransition('room', ROOM_TRANSITIONS, this.#phase.name, next.name);
		this.#phase = next;
	}

	/** True while the room takes work: neither broken nor unloading. */
	get #working(): boolean {
		return this.#phase.name === 'live' || this.#phase.name === 'resting';
	}

	// Only a resting room comes alive: one broken or unloading stays so if its doc is built.
	#built(doc: Y.Doc): void {
		this.#changes.watch(doc);
		this.#riskNumbers.watch(doc);
		this.#lateStrings = new LateStringFolder(doc, (origin) => this.peers.has(origin as RoomPeer));
		if (this.#phase.name === 'resting') this.#enter({ name: 'live' });
	}

	#rested(): void {
		if (this.#phase.name === 'live') this.#enter({ name: 'resting' });
	}

	#newGate(storedBytes: number): UpdateGate<RoomPeer> {
		const { metrics, logger, boards } = this.deps;
		const limits = this.deps.admission ?? DEFAULT_ADMISSION_LIMITS;
		return new UpdateGate({ boardId: this.boardId, limits, metrics, logger, boards }, storedBytes);
	}

	// Applies an update with `origin`. Returns what the board gained (null: nothing; the update
	// itself unless part of it waits) and the part that waits for missing dependencies, taken
	// out of the doc so that Yjs neither merges it into every later update nor sends it in sync
	// replies (see pending.ts).
	#integrate(origin: unknown, update: Uint8Array): Integrated {
		const doc = this.doc;
		const change = this.#changes.apply(origin, () => Y.applyUpdate(doc, update, origin));
		const waiting = takeWaiting(doc);
		if (change === null) return { added: null, waiting };
		return { added: waiting ? change.encode() : update, waiting };
	}

	// Holds what waits for `owner` (null: another node); whoever that pushes past a bound of
	// pending.ts is closed, and its waiting updates are dropped.
	#hold(owner: RoomPeer | null, waiting: WaitingUpdate): void {
		for (const dropped of this.#waiting.hold(owner, waiting)) {
			if (dropped) this.#gate.refuse(dropped, 'tooMuchPending');
			else this.#loggedDrop('other nodes', waiting.update.length);
		}
	}

	// Applies held updates whose dependencies have arrived, each as if its sender sent it now:
	// admitted again (its place in the board is known at last), charged to its sender.
	#retryWaiting(): void {
		for (
			let held = this.#waiting.takeReady(this.doc);
			held;
			held = this.#waiting.takeReady(this.doc)
		) {
			const { owner } = held;
			const started = performance.now();
			const update = Y.convertUpdateFormatV2ToV1(held.update);
			if (!this.#gate.admit(owner, update, this.doc)) continue;
			const { added, waiting } = this.#integrate(owner ?? BUS_ORIGIN, update);
			if (added && owner) this.#storeAndRelay(owner, added);
			else if (added) this.#relayFromOtherNode(added);
			if (waiting) this.#hold(owner, waiting);
			this.#gate.charge(owner, performance.now() - started);
		}
	}

	// Applies what the store holds, in order. Parts that wait for others are taken out as they
	// come (Yjs would merge each into the rest, over and over) and tried again once what they
	// wait for is in; what still waits then has no sender to close: it is dropped with a log line
	// (a board written by an earlier Charter may hold some on disk). Returns what they changed.
	#applyStored(stored: StoredBoard): DocChange | null {
		const doc = this.doc;
		const parts = stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log;
		const waiting = new PendingUpdates<null>(UNBOUNDED);
		const apply = (update: Uint8Array, v2 = false) => {
			if (v2) Y.applyUpdateV2(doc, update, STORE_ORIGIN);
			else Y.applyUpdate(doc, update, STORE_ORIGIN);
			const rest = takeWaiting(doc);
			if (rest) waiting.hold(null, rest);
		};
		const change = this.#changes.apply(STORE_ORIGIN, () =>
			doc.transact(() => {
				for (const part of parts) apply(part);
				for (let held = waiting.takeReady(doc); held; held = waiting.takeReady(doc)) {
					apply(held.update, true);
				}
			}, STORE_ORIGIN)
		);
		if (waiting.bytes > 0) this.#loggedDrop('the store', waiting.bytes);
		return change;
	}

	#loggedDrop(source: string, bytes: number): void {
		this.deps.logger.warn(
			{ boardId: this.boardId, bytes, source },
			'dropped changes whose dependencies are missing'
		);
	}

	// Once quiet, the board compacts if its log is past the threshold, then rests as bytes.
	#restWhenIdle(): void {
		if (!this.#working) return;
		this.#state.restWhenIdle(
			() => {
				this.#writes.compactIfDue();
				return this.settled();
			},
			() => this.#rested()
		);
	}

	// After a remote change to formatted text, Yjs tidies the formatting in a transaction of its
	// own (origin null). What that changes is stored and relayed like an edit from nobody, so the
	// store keeps everything the room holds and every peer hears of it.
	#storeOwnChange(): void {
		const own = this.#changes.takeOwnChange();
		if (own) this.#storeAndRelay(null, own.encode());
	}

	// Stored in the open batch (room-writes.ts), relayed once that is durable.
	#storeAndRelay(from: RoomPeer | null, update: Uint8Array): void {
		this.#gate.grew(update.length);
		this.#writes.store(update, { frame: encodeSync(SyncStep.update, update), from });
	}

	#stored(batch: UpdateBatch<RoomPeer>): void {
		for (const { frame, from } of batch.relays) this.#broadcast(frame, from ?? undefined);
		this.deps.onStored?.(this.boardId);
		this.#publishStored(batch.updates);
	}

	// Framed once for all peers: per peer, a relay costs one write of the same buffer.
	#broadcast(message: Uint8Array, except?: RoomPeer): void {
		if (this.peers.size === 0 || (this.peers.size === 1 && this.peers.has(except!))) return;
		const frame = binaryFrame(message);
		for (const peer of this.peers) if (peer !== except) peer.sendFrame(frame);
	}

	// The in-memory doc may now hold what the store does not: drop every peer so that nobody
	// builds on it, and have the registry load the board afresh for whoever comes next.
	#fail(error: unknown): void {
		if (this.#phase.name !== 'unloading') this.#enter({ name: 'broken' });
		this.#channel?.leave();
		this.deps.metrics.reject('store_failed');
		this.deps.logger.error({ err: error, boardId: this.boardId }, 'store write failed');
		for (const peer of [...this.peers]) peer.close('storeFailed');
		this.onBroken(this);
	}

	// ── Other nodes (the bus) ────────────────────────────────────────────────────────────────
	// What this room stored goes out once it is durable; what other nodes stored comes in,
	// is applied and relayed to this room's peers, and is never stored again here.

	#publishStored(updates: readonly Uint8Array[]): void {
		const merged = () => (updates.length === 1 ? updates[0]! : Y.mergeUpdates([...updates]));
		this.#channel?.publish('update', merged);
	}

	readonly #fromOtherNodes: BusListener = {
		update: (update) => {
			if (this.#duringLoad) this.#duringLoad.push(update);
			else this.#guardBus(() => this.#applyFromOtherNode(update));
		},
		awareness: (_node, update) =>
			this.#guardBus(() => {
				const changed = this.#remotePresence.apply(decodeAwarenessUpdate(update));
				if (changed.length > 0) this.#broadcast(encodeAwareness(encodeAwarenessUpdate(changed)));
			}),
		resync: () => void this.#catchUpFromStore()
	};

	// What another node sent cannot take this room down: a failure is logged and dropped.
	#guardBus(apply: () => void): void {
		try {
			apply();
		} catch (error) {
			this.deps.logger.error({ err: error, boardId: this.boardId }, 'a bus message failed');
		}
	}

	#applyFromOtherNode(update: Uint8Array): void {
		if (!this.#working) return;
		const { added, waiting } = this.#integrate(BUS_ORIGIN, update);
		if (added) this.#relayFromOtherNode(added);
		if (waiting) this.#hold(null, waiting);
		this.#retryWaiting();
		this.#storeOwnChange();
	}

	// Another node stored it: it is only relayed here, never stored again.
	#relayFromOtherNode(added: Uint8Array): void {
		this.#gate.grew(added.length);
		this.#broadcast(encodeSync(SyncStep.update, added));
	}

	// The bus may have lost something (a trimmed stream, a restarted Redis): whatever the store
	// holds that this room lacks is applied and relayed to the peers.
	async #catchUpFromStore(): Promise<void> {
		const stored = await this.deps.store.load(this.boardId).catch((error: unknown) => {
			this.deps.logger.error({ err: error, boardId: this.boardId }, 'catching up failed');
			return null;
		});
		if (!stored || !this.#working) return;
		const missed = this.#applyStored(stored);
		if (missed) this.#broadcast(encodeSync(SyncStep.update, missed.encode()));
		this.#storeOwnChange();
	}
}
