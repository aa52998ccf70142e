import * as z from 'zod';
import { dateSchema, idSchema } from '../fields.ts';
import {
	ACTION_STATUSES,
	MILESTONE_STATUSES,
	RISK_STATUSES,
	riskScoreSchema,
	type Action,
	type Milestone,
	type Person,
	type Risk
} from '../schema.ts';
import { residualScoreSchema, riskRefSchema } from '../risk-fields.ts';
import { UPDATE_LIMITS } from './model.ts';
import { dependencyLinks } from '../dependencies.ts';
import { STAKEHOLDER_ATTITUDES } from '../stakeholders.ts';
import { DEFAULT_CURRENCY } from '../money.ts';
import { basisBudget, basisBudgetShape, type BasisBudgetLine } from './budget-facts.ts';
import { basisOverAllocationSchema, overAllocationsOf } from './allocation-facts.ts';

/**
 * The basis of an update: the compact state of the board its facts were drafted against, and
 * that the next update is drafted from. Only what a fact compares is kept (ids, titles, dates,
 * statuses, scores), so an update stays small and the facts are computed offline.
 */

const entries = <T extends z.ZodType>(entry: T) => z.array(entry).max(UPDATE_LIMITS.basisEntries);
// Titles as readers gave them (text.ts bounds them); kept loose so a long one never hides the basis.
const name = z.string().max(1000);

/** A decision as a basis keeps it; its statuses belong to the decision log, so any short word is read. */
export const basisDecisionSchema = z.object({
	id: idSchema,
	title: name,
	status: z.string().max(40)
});

const BASIS_RISK_REGISTER = {
	ref: riskRefSchema.nullable().default(null),
	residualLikelihood: residualScoreSchema.default(null),
	residualImpact: residualScoreSchema.default(null)
};

/** The basis, validated (it is written by peers, so it is read like any entry). */
export const basisSchema = z.object({
	/** The day it was taken, `YYYY-MM-DD`: what "overdue" meant then. */
	day: z.iso.date(),
	milestones: entries(
		z.object({ id: idSchema, title: name, due: dateSchema, status: z.enum(MILESTONE_STATUSES) })
	),
	risks: entries(
		z.object({
			id: idSchema,
			title: name,
			likelihood: riskScoreSchema,
			impact: riskScoreSchema,
			status: z.enum(RISK_STATUSES),
			// Bases taken before risk numbers and residual scores have none.
			...BASIS_RISK_REGISTER
		})
	),
	decisions: entries(basisDecisionSchema),
	actions: entries(
		z.object({ id: idSchema, title: name, status: z.enum(ACTION_STATUSES), due: dateSchema })
	),
	people: entries(
		// The attitude came with the stakeholder map; one a basis does not hold reads as none.
		z.object({
			id: idSchema,
			name,
			attitude: z.enum(STAKEHOLDER_ATTITUDES).optional().catch(undefined)
		})
	),
	// Bases stored before milestone dependencies have none.
	dependencies: entries(z.object({ predecessor: idSchema, successor: idSchema })).default([]),
	...basisBudgetShape,
	// Bases kept before allocations existed have none: nobody was over-allocated then.
	overAllocated: entries(basisOverAllocationSchema).default([])
});
/** The state an update's facts were drafted against. */
export type UpdateBasis = z.output<typeof basisSchema>;
/** A decision in a basis. */
export type BasisDecision = z.output<typeof basisDecisionSchema>;

/** What a basis is taken from: the board's entries as its readers give them. */
export interface BasisSource {
	readonly milestones: readonly Pick<Milestone, 'id' | 'title' | 'due' | 'status'>[];
	readonly risks: readonly (Pick<Risk, 'id' | 'title' | 'likelihood' | 'impact' | 'status'> &
		Partial<Pick<Risk, 'ref' | 'residualLikelihood' | 'residualImpact'>>)[];
	readonly decisions?: readonly BasisDecision[];
	readonly actions: readonly Pick<Action, 'id' | 'title' | 'status' | 'due'>[];
	readonly people: readonly Pick<Person, 'id' | 'name' | 'attitude'>[];
	/** The `dependencies` cells, keyed `predecessorId:successorId`. */
	readonly dependencies?: ReadonlyMap<string, unknown>;
	readonly budgetLines?: readonly BasisBudgetLine[];
	/** The board's currency; a source without one (a saved version read whole) is in euros. */
	readonly currency?: string;
	/** Allocations keyed `personId:YYYY-MM` (allocation-model.ts). */
	readonly allocations?: ReadonlyMap<string, number>;
}

/** The basis of a board taken on `day`; entries past the bound are left out, never the whole basis. */
export function basisOf(board: BasisSource, day: string): UpdateBasis {
	const first = <T>(list: readonly T[]) => list.slice(0, UPDATE_LIMITS.basisEntries);
	return {
		day,
		milestones: first(board.milestones).map(({ id, title, due, status }) => ({
			id,
			title,
			due,
			status
		})),
		risks: first(board.risks).map(({ id, title, likelihood, impact, status, ...register }) => ({
			id,
			title,
			likelihood,
			impact,
			status,
			ref: register.ref ?? null,
			residualLikelihood: register.residualLikelihood ?? null,
			residualImpact: register.residualImpact ?? null
		})),
		decisions: first(board.decisions ?? []).map(({ id, title, status }) => ({ id, title, status })),
		actions: first(board.actions).map(({ id, title, status, due }) => ({ id, title, status, due })),
		people: first(board.people).map(({ id, name, attitude }) =>
			attitude === undefined ? { id, name } : { id, name, attitude }
		),
		dependencies: first(dependencyLinks(board.dependencies ?? new Map())),
		...basisBudget(
			board.budgetLines ?? [],
			board.currency ?? DEFAULT_CURRENCY,
			UPDATE_LIMITS.basisEntries
		),
		overAllocated: first(overAllocationsOf(board.people, board.allocations ?? new Map()))
	};
}

/** An empty board's basis: what the first update is drafted against when there is no baseline. */
export function emptyBasis(day: string): UpdateBasis {
	return {
		day,
		milestones: [],
		risks: [],
		decisions: [],
		actions: [],
		people: [],
		dependencies: [],
		currency: DEFAULT_CURRENCY,
		budgetLines: [],
		overAllocated: []
	};
}

/** A stored basis, or null when it is missing or does not parse (it then counts as missing). */
export function readBasis(stored: unknown): UpdateBasis | null {
	const result = basisSchema.safeParse(stored);
	return result.success ? result.data : null;
}
