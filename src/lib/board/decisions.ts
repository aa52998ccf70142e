import * as Y from 'yjs';
import { addEntry, existingEntry, updateEntry } from './collection.ts';
import { listCommands } from './commands.ts';
import { boardRoots, localOrigin } from './doc.ts';
import { DecisionCycleError } from './errors.ts';
import { readList } from './read.ts';
import {
	DECISION_TEXT_FIELDS,
	createOptionsSchema,
	decisionPatchSchema,
	idSchema,
	newDecisionSchema,
	type CreateOptions,
	type DecisionPatch,
	type NewDecisionInput
} from './schema.ts';
import { parseInput } from './validate.ts';

/** The collections whose entries may link a decision (their `decision` field). */
export const DECISION_LINKERS = ['milestones', 'risks', 'actions'] as const;

const decisions = { key: 'decisions', read: (doc: Y.Doc) => readList(doc, 'decisions') } as const;

/**
 * Adds a decision, with its three empty rich texts (context, options, consequences) created in
 * the same transaction, at the end of the log, and returns its id.
 */
export function addDecision(
	doc: Y.Doc,
	input: NewDecisionInput,
	options: CreateOptions = {}
): string {
	const decision = parseInput('addDecision', newDecisionSchema, input);
	const { now } = parseInput('addDecision', createOptionsSchema, options);
	const texts = Object.fromEntries(DECISION_TEXT_FIELDS.map((field) => [field, new Y.XmlText()]));
	return addEntry(doc, decisions, (order) => ({
		...decision,
		supersededBy: '',
		...texts,
		order,
		createdAt: now ?? Date.now()
	}));
}

// Removing a decision unlinks it everywhere in the same transaction, so no row points at nothing.
function unlinkDecision(doc: Y.Doc, id: string): void {
	const roots = boardRoots(doc);
	for (const key of DECISION_LINKERS) {
		for (const entry of roots[key].values()) {
			if (entry instanceof Y.Map && entry.get('decision') === id) entry.set('decision', '');
		}
	}
	for (const entry of roots.decisions.values()) {
		if (entry instanceof Y.Map && entry.get('supersededBy') === id) entry.set('supersededBy', '');
	}
}

const commands = listCommands(
	'decisions',
	'Decision',
	addDecision,
	decisionPatchSchema,
	unlinkDecision
);

/**
 * The decision log's commands: add; change fields (a status other than superseded also drops
 * the link to a successor, in the same transaction); remove a decision and the links to it; move.
 */
export const decisionCommands = {
	...commands,
	update(doc: Y.Doc, id: string, patch: DecisionPatch): void {
		const valid = parseInput('updateDecision', decisionPatchSchema, patch);
		const entryId = parseInput('updateDecision', idSchema, id);
		const leavesSuperseded = valid.status !== undefined && valid.status !== 'superseded';
		updateEntry(doc, decisions, entryId, leavesSuperseded ? { ...valid, supersededBy: '' } : valid);
	}
};
export const {
	update: updateDecision,
	remove: removeDecision,
	move: moveDecision
} = decisionCommands;

/**
 * Marks `oldId` superseded by `newId`: its status and its successor change in one transaction.
 * Refuses a decision superseding itself, and a successor whose own chain of successors leads
 * back to `oldId` (a cycle), with DecisionCycleError, writing nothing.
 */
export function supersedeDecision(doc: Y.Doc, oldId: string, newId: string): void {
	const oldValid = parseInput('supersedeDecision', idSchema, oldId);
	const newValid = parseInput('supersedeDecision', idSchema, newId);
	const old = existingEntry(doc, decisions, oldValid);
	existingEntry(doc, decisions, newValid);
	if (oldValid === newValid || successorsOf(doc, newValid).has(oldValid))
		throw new DecisionCycleError(oldValid, newValid);
	if (old.get('status') === 'superseded' && old.get('supersededBy') === newValid) return;
	doc.transact(() => {
		old.set('status', 'superseded');
		old.set('supersededBy', newValid);
	}, localOrigin);
}

// Every decision reached by following supersededBy from `id`, the raw stored links (an entry a
// reader skips still links), stopping at a loop a peer may have written.
function successorsOf(doc: Y.Doc, id: string): Set<string> {
	const { decisions: log } = boardRoots(doc);
	const seen = new Set<string>([id]);
	for (let next = successorOf(log, id); next !== null && !seen.has(next);) {
		seen.add(next);
		next = successorOf(log, next);
	}
	return seen;
}

function successorOf(log: Y.Map<unknown>, id: string): string | null {
	const entry = log.get(id);
	if (!(entry instanceof Y.Map)) return null;
	const successor: unknown = entry.get('supersededBy');
	return typeof successor === 'string' && successor !== '' ? successor : null;
}
