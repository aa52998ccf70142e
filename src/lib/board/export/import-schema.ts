import * as z from 'zod';
import { CHARTER_SECTIONS } from '../doc.ts';
import {
	BOARD_KINDS,
	EDITABLE_FIELDS,
	decisionRefSchema,
	SCHEMA_VERSION,
	cardTextSchema,
	oneOf,
	raciValueSchema,
	retroSettingsSchema,
	idSchema,
	orderSchema,
	timestampSchema,
	titleSchema,
	userIdSchema
} from '../schema.ts';
import { groupNameSchema } from '../retro/model.ts';
import { EXPORT_FORMAT } from './board-json.ts';
import { richTextSchema } from './rich-text.ts';
import { statusUpdatesImportSchema } from '../updates/update-json.ts';
import { dependenciesImportSchema, dependencyIssues } from './dependency-json.ts';
import { budgetImportIssues, budgetImportShape } from './budget-json.ts';
import { stakeholderImportFields } from '../stakeholders.ts';
import { IMPORTED_RISK_FIELDS, importedRiskSeqSchema, riskImportIssues } from './risk-json.ts';
import { allocationImportIssues, allocationsImportSchema } from './allocation-json.ts';

// Limits far above any real board, so a hand-edited or hostile file cannot make one nobody opens.
const MAX_ENTRIES = 10_000;
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_ENTRIES);

// Each entry as the export writes it: the fields users edit (schema.ts), with its id and order.
const entry = <Fields extends z.ZodRawShape>(fields: Fields) =>
	z.object({ id: idSchema, ...fields, order: orderSchema });
// Files written before decisions existed have no links to one, nor a decision log.
const decisionLink = { decision: decisionRefSchema.default('') };
const person = entry({ ...EDITABLE_FIELDS.people, ...stakeholderImportFields });
const milestone = entry({ ...EDITABLE_FIELDS.milestones, ...decisionLink });
const risk = entry({
	...EDITABLE_FIELDS.risks,
	...decisionLink,
	...IMPORTED_RISK_FIELDS,
	mitigation: richTextSchema,
	createdAt: timestampSchema
});
const raciTask = entry(EDITABLE_FIELDS.raciTasks);
const raciCell = z.object({ task: idSchema, person: idSchema, value: raciValueSchema });
const action = entry({ ...EDITABLE_FIELDS.actions, ...decisionLink, createdAt: timestampSchema });
const decision = entry({
	...EDITABLE_FIELDS.decisions,
	supersededBy: decisionRefSchema,
	context: richTextSchema,
	options: richTextSchema,
	consequences: richTextSchema,
	createdAt: timestampSchema
});
const retro = z.object({
	settings: retroSettingsSchema.extend({ anonymous: z.boolean(), locked: z.boolean() }),
	columns: list(z.object({ id: idSchema, title: titleSchema, order: orderSchema })),
	cards: list(
		z.object({
			id: idSchema,
			column: idSchema,
			text: cardTextSchema,
			author: userIdSchema,
			group: z.union([idSchema, z.literal('')]),
			order: orderSchema,
			createdAt: timestampSchema
		})
	),
	votes: list(
		z.object({ card: idSchema, user: userIdSchema, count: z.number().int().nonnegative() })
	),
	groupNames: list(z.object({ card: idSchema, name: groupNameSchema.min(1) })),
	carriedOver: list(z.object({ action: idSchema, from: titleSchema }))
});

const charter = z.object(
	Object.fromEntries(CHARTER_SECTIONS.map((section) => [section, richTextSchema])) as Record<
		(typeof CHARTER_SECTIONS)[number],
		typeof richTextSchema
	>
);

const boardShape = z.object({
	format: z.literal(EXPORT_FORMAT, { error: `expected '${EXPORT_FORMAT}' (a Charter export)` }),
	// Schema 1 and 2 files are the same JSON: plain text fields are strings in both.
	schema: z.union([z.literal(1), z.literal(SCHEMA_VERSION)], {
		error: `expected 1 to ${SCHEMA_VERSION}: this file was written by another version of Charter`
	}),
	board: z.object({
		title: titleSchema,
		kind: oneOf(BOARD_KINDS),
		createdAt: timestampSchema,
		facilitator: userIdSchema.optional(),
		riskSeq: importedRiskSeqSchema
	}),
	charter,
	people: list(person),
	milestones: list(milestone),
	risks: list(risk),
	raciTasks: list(raciTask),
	raci: list(raciCell),
	actions: list(action),
	decisions: list(decision).default([]),
	statusUpdates: statusUpdatesImportSchema,
	dependencies: dependenciesImportSchema,
	...budgetImportShape,
	allocations: allocationsImportSchema,
	retro: retro.nullable()
});

/**
 * A JSON export as an import accepts it: every value validated as the board document would
 * validate it, plus what only makes sense across entries (unique ids, references that point at
 * something). Unknown extra keys are ignored.
 */
export const boardImportSchema = boardShape.superRefine((board, context) => {
	for (const issue of crossReferenceIssues(board)) context.addIssue({ code: 'custom', ...issue });
});

/** A validated import. */
export type BoardImport = z.output<typeof boardImportSchema>;

type Issue = { path: (string | number)[]; message: string };

function crossReferenceIssues(board: z.output<typeof boardShape>): Issue[] {
	const issues: Issue[] = [];
	const ids = (name: string, entries: readonly { id: string }[]) => {
		const seen = new Set<string>();
		entries.forEach((entry, index) => {
			if (seen.has(entry.id))
				issues.push({ path: [name, index, 'id'], message: `duplicate id ${entry.id}` });
			seen.add(entry.id);
		});
		return seen;
	};
	const people = ids('people', board.people);
	const tasks = ids('raciTasks', board.raciTasks);
	const milestones = ids('milestones', board.milestones);
	ids('risks', board.risks);
	ids('actions', board.actions);
	const decisions = ids('decisions', board.decisions);
	ids('statusUpdates', board.statusUpdates);
	const owner = (name: string, entries: readonly { owner: string }[]) =>
		entries.forEach((entry, index) => {
			if (entry.owner !== '' && !people.has(entry.owner))
				issues.push({
					path: [name, index, 'owner'],
					message: `no person has the id ${entry.owner}`
				});
		});
	owner('milestones', board.milestones);
	owner('risks', board.risks);
	owner('actions', board.actions);
	owner('decisions', board.decisions);
	issues.push(...decisionIssues(board, people, decisions));
	issues.push(...dependencyIssues(board.dependencies, milestones));
	issues.push(...budgetImportIssues(board, people, milestones));
	issues.push(...riskImportIssues(board));
	const cells = new Set<string>();
	board.raci.forEach((cell, index) => {
		if (!tasks.has(cell.task))
			issues.push({
				path: ['raci', index, 'task'],
				message: `no RACI task has the id ${cell.task}`
			});
		if (!people.has(cell.person))
			issues.push({
				path: ['raci', index, 'person'],
				message: `no person has the id ${cell.person}`
			});
		const key = `${cell.task}:${cell.person}`;
		if (cells.has(key)) issues.push({ path: ['raci', index], message: 'duplicate cell' });
		cells.add(key);
	});
	issues.push(...allocationImportIssues(board.allocations, people));
	if (board.retro) issues.push(...retroIssues(board.retro));
	return issues;
}

// Links to decisions and consulted people must name entries of the file.
function decisionIssues(
	board: z.output<typeof boardShape>,
	people: ReadonlySet<string>,
	decisions: ReadonlySet<string>
): Issue[] {
	const issues: Issue[] = [];
	const linked = (path: (string | number)[], id: string) => {
		if (id !== '' && !decisions.has(id))
			issues.push({ path, message: `no decision has the id ${id}` });
	};
	for (const name of ['milestones', 'risks', 'actions'] as const)
		board[name].forEach((entry, index) => linked([name, index, 'decision'], entry.decision));
	board.decisions.forEach((entry, index) => {
		linked(['decisions', index, 'supersededBy'], entry.supersededBy);
		entry.consulted.forEach((id, at) => {
			if (!people.has(id))
				issues.push({
					path: ['decisions', index, 'consulted', at],
					message: `no person has the id ${id}`
				});
		});
	});
	return issues;
}

function retroIssues(retro: NonNullable<BoardImport['retro']>): Issue[] {
	const issues: Issue[] = [];
	const columns = new Set(retro.columns.map((column) => column.id));
	const cards = new Set(retro.cards.map((card) => card.id));
	retro.cards.forEach((card, index) => {
		const path = ['retro', 'cards', index];
		if (!columns.has(card.column))
			issues.push({ path: [...path, 'column'], message: `no column has the id ${card.column}` });
		if (card.group !== '' && !cards.has(card.group))
			issues.push({ path: [...path, 'group'], message: `no card has the id ${card.group}` });
	});
	retro.votes.forEach((vote, index) => {
		if (!cards.has(vote.card))
			issues.push({
				path: ['retro', 'votes', index, 'card'],
				message: `no card has the id ${vote.card}`
			});
	});
	return issues;
}
