import type * as Y from 'yjs';
import * as z from 'zod';
import { addEntry, existingEntry, newEntryMap, updateEntry } from './collection.ts';
import { listCommands } from './commands.ts';
import { boardRoots, isInitialized, localOrigin } from './doc.ts';
import { BoardNotInitializedError } from './errors.ts';
import { newId } from './ids.ts';
import { DEFAULT_CURRENCY } from './money.ts';
import { orderAtEnd, type Ordered } from './order.ts';
import { readList } from './read.ts';
import {
	budgetLinePatchSchema,
	currencySchema,
	newBudgetLineSchema,
	type BudgetLinePatch,
	type NewBudgetLineInput
} from './budget-schema.ts';
import { createOptionsSchema, idSchema, type CreateOptions } from './schema.ts';
import { parseInput } from './validate.ts';

export * from './budget-schema.ts';

const budgetLines = {
	key: 'budgetLines',
	read: (doc: Y.Doc) => readList(doc, 'budgetLines')
} as const;

/** The key in `meta` of the board's currency (an ISO 4217 code). */
export const CURRENCY_KEY = 'currency';

/**
 * The board's currency: `meta.currency` when it holds a code Intl knows, else EUR. Read on its
 * own, so a bad value a peer wrote falls back to the default and hides nothing else.
 */
export function readCurrency(doc: Y.Doc): string {
	const result = currencySchema.safeParse(boardRoots(doc).meta.get(CURRENCY_KEY));
	return result.success ? result.data : DEFAULT_CURRENCY;
}

/**
 * Sets the board's currency. Amounts are kept as they are (in minor units): changing the code
 * relabels them, it does not convert them.
 */
export function setCurrency(doc: Y.Doc, currency: string): void {
	const valid = parseInput('setCurrency', currencySchema, currency);
	if (!isInitialized(doc)) throw new BoardNotInitializedError();
	const { meta } = boardRoots(doc);
	if (meta.get(CURRENCY_KEY) === valid) return;
	doc.transact(() => meta.set(CURRENCY_KEY, valid), localOrigin);
}

// A line's milestone must be one the board has when it is set.
function checkMilestone(doc: Y.Doc, milestone: string | undefined): void {
	if (milestone) existingEntry(doc, { key: 'milestones' }, milestone);
}

/** Adds a budget line at the end of the budget and returns its id. */
export function addBudgetLine(
	doc: Y.Doc,
	input: NewBudgetLineInput,
	options: CreateOptions = {}
): string {
	const line = parseInput('addBudgetLine', newBudgetLineSchema, input);
	const { now } = parseInput('addBudgetLine', createOptionsSchema, options);
	checkMilestone(doc, line.milestone);
	return addEntry(doc, budgetLines, (order) => ({
		...line,
		order,
		createdAt: now ?? Date.now()
	}));
}

const manyLinesSchema = z.array(newBudgetLineSchema).max(1000, { error: 'at most 1,000 lines' });

/**
 * Adds several budget lines at the end, in one transaction (a CSV import): all of them or, when
 * one is invalid, none. Returns their ids in order.
 */
export function addBudgetLines(
	doc: Y.Doc,
	inputs: readonly NewBudgetLineInput[],
	options: CreateOptions = {}
): string[] {
	const lines = parseInput('addBudgetLines', manyLinesSchema, inputs);
	const { now } = parseInput('addBudgetLines', createOptionsSchema, options);
	for (const line of lines) checkMilestone(doc, line.milestone);
	const root = boardRoots(doc).budgetLines;
	const ids: string[] = [];
	doc.transact(() => {
		let last: readonly Ordered[] = budgetLines.read(doc).items;
		for (const line of lines) {
			const id = newId();
			const order = orderAtEnd(last);
			root.set(id, newEntryMap('budgetLines', { ...line, order, createdAt: now ?? Date.now() }));
			last = [{ id, order }];
			ids.push(id);
		}
	}, localOrigin);
	return ids;
}

const commands = listCommands('budgetLines', 'BudgetLine', addBudgetLine, budgetLinePatchSchema);

/** The budget's commands: add; change fields (a milestone must exist); remove; move. */
export const budgetCommands = {
	...commands,
	update(doc: Y.Doc, id: string, patch: BudgetLinePatch): void {
		const valid = parseInput('updateBudgetLine', budgetLinePatchSchema, patch);
		const entryId = parseInput('updateBudgetLine', idSchema, id);
		checkMilestone(doc, valid.milestone);
		updateEntry(doc, budgetLines, entryId, valid);
	}
};
export const {
	update: updateBudgetLine,
	remove: removeBudgetLine,
	move: moveBudgetLine
} = budgetCommands;
