import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';

/** The schema-1 boards committed under tests/fixtures/ (see make-schema1-boards.ts). */
export const SCHEMA_1_FIXTURES = ['schema1-kickoff', 'schema1-retro'] as const;

/** A schema-1 fixture: its stored bytes (one Yjs update) and its JSON export as written then. */
export function schema1Fixture(name: (typeof SCHEMA_1_FIXTURES)[number]): {
	update: Uint8Array;
	json: Record<string, unknown>;
} {
	const file = (suffix: string) => new URL(`../fixtures/${name}${suffix}`, import.meta.url);
	return {
		update: new Uint8Array(readFileSync(file('.bin'))),
		json: JSON.parse(readFileSync(file('.json'), 'utf8')) as Record<string, unknown>
	};
}

/** A doc holding a fixture, as a store or an IndexedDB copy would give it, with its own client id. */
export function fixtureDoc(update: Uint8Array, clientID?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	Y.applyUpdate(doc, update, 'store');
	return doc;
}

/**
 * An export without the fields that say when and by which layout it was written; a file from
 * before the decision log or status updates gets what a board reads it as: an empty log, no
 * links to one, and no updates.
 */
export function exportedContent(json: object): Record<string, unknown> {
	const content: Record<string, unknown> = { ...json };
	delete content.exportedAt;
	delete content.schema;
	content.decisions ??= [];
	content.statusUpdates ??= [];
	content.dependencies ??= [];
	content.currency ??= 'EUR';
	content.budgetLines ??= [];
	// Fixtures written before allocations existed have none.
	content.allocations ??= [];
	for (const name of ['milestones', 'risks', 'actions'])
		content[name] = (content[name] as object[]).map((entry) => ({ decision: '', ...entry }));
	// Files from before risk numbers and the register's fields read with their defaults.
	content.risks = (content.risks as object[]).map((risk) => ({
		ref: null,
		category: '',
		response: '',
		trigger: '',
		reviewDate: '',
		residualLikelihood: null,
		residualImpact: null,
		links: { actions: [], milestones: [] },
		...risk
	}));
	return content;
}

/**
 * An export's content (exportedContent) with the numbers the server gave its risks taken out,
 * and those numbers: each risk's ref, and the board's mark.
 */
export function withoutServerNumbers(json: object): {
	content: Record<string, unknown>;
	refs: (number | null)[];
	riskSeq: number | undefined;
} {
	const content = exportedContent(json) as {
		board: { riskSeq?: number };
		risks: { ref: number | null }[];
	};
	const refs = content.risks.map((risk) => risk.ref);
	const { riskSeq } = content.board;
	delete content.board.riskSeq;
	for (const risk of content.risks) risk.ref = null;
	return { content, refs, riskSeq };
}

/**
 * How many values a map key was ever given (its items, the ones replaced and the ones that lost
 * to a concurrent set included): a field migrated once has held two, the string and its Y.Text.
 */
export function valueHistory(map: Y.Map<unknown>, key: string): number {
	let count = 0;
	for (let item = map._map.get(key) ?? null; item; item = item.left) count++;
	return count;
}

/** Stores `update` as a board's whole log in the SQLite store of `dataDir` (server stopped). */
export async function storeBoardIn(
	dataDir: string,
	boardId: string,
	update: Uint8Array
): Promise<void> {
	const store = new SqliteStore({ dataDir });
	try {
		await store.append(boardId, update);
	} finally {
		await store.close();
	}
}
