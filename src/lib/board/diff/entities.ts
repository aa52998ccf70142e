import type { Action, Milestone, Person, Risk } from '../schema.ts';

/** A field of an entity that changed, with what a reader sees before and after. */
export interface FieldChange {
	field: string;
	before: string;
	after: string;
}

/** Entities of one kind keyed by id, in board order, from the older and the newer board. */
export interface Sides<Entity extends { id: string }> {
	before: readonly Entity[];
	after: readonly Entity[];
}

/** What was added (newer board order), removed (older board order) and kept (newer order). */
export function matchById<Entity extends { id: string }>({ before, after }: Sides<Entity>) {
	const beforeById = new Map(before.map((entity) => [entity.id, entity]));
	const afterIds = new Set(after.map((entity) => entity.id));
	return {
		added: after.filter((entity) => !beforeById.has(entity.id)),
		removed: before.filter((entity) => !afterIds.has(entity.id)),
		kept: after.flatMap((entity) => {
			const old = beforeById.get(entity.id);
			return old ? [{ before: old, after: entity }] : [];
		})
	};
}

/**
 * Names people by id on one side, in the words the owner selects use: no owner reads as
 * "Unassigned", an owner nobody knows any more as "a removed person".
 */
export function ownerName(people: readonly Person[], ownerId: string): string {
	if (!ownerId) return 'Unassigned';
	return people.find((person) => person.id === ownerId)?.name ?? 'a removed person';
}

/** A risk as the change list shows it. */
export interface RiskSummary {
	id: string;
	title: string;
	likelihood: number;
	impact: number;
	score: number;
	owner: string;
	status: Risk['status'];
}

/** Likelihood, impact and their product. */
export interface RiskScore {
	likelihood: number;
	impact: number;
	score: number;
}

/** A risk whose likelihood or impact changed. */
export interface RiskRescore {
	id: string;
	title: string;
	before: RiskScore;
	after: RiskScore;
}

/** A risk whose title, owner, status or due date changed. */
export interface RiskChange {
	id: string;
	title: string;
	changes: FieldChange[];
}

/** A risk's score: likelihood × impact, 1–25. */
export function scoreOf(risk: Pick<Risk, 'likelihood' | 'impact'>): RiskScore {
	return { likelihood: risk.likelihood, impact: risk.impact, score: risk.likelihood * risk.impact };
}

/** A risk summarised with its owner's name on its own side. */
export function summariseRisk(risk: Risk, people: readonly Person[]): RiskSummary {
	return {
		id: risk.id,
		title: risk.title,
		...scoreOf(risk),
		owner: ownerName(people, risk.owner),
		status: risk.status
	};
}

/** A milestone as the change list shows it. */
export interface MilestoneSummary {
	id: string;
	title: string;
	due: string;
	status: Milestone['status'];
}

/** A milestone whose due date changed ('' = no date). */
export interface MilestoneMove {
	id: string;
	title: string;
	before: string;
	after: string;
	/** Calendar days from `before` to `after` (positive: later); null when either is no date. */
	slip: number | null;
}

/** A milestone whose title, owner or status changed. */
export interface MilestoneChange {
	id: string;
	title: string;
	changes: FieldChange[];
}

/** A milestone summarised for the change list. */
export function summariseMilestone(milestone: Milestone): MilestoneSummary {
	const { id, title, due, status } = milestone;
	return { id, title, due, status };
}

/** A person as the change list shows them. */
export interface PersonSummary {
	id: string;
	name: string;
	role: string;
}

/** A person summarised for the change list. */
export function summarisePerson({ id, name, role }: Person): PersonSummary {
	return { id, name, role };
}

/** An action item as the change list shows it. */
export interface ActionSummary {
	id: string;
	title: string;
	owner: string;
	due: string;
	status: Action['status'];
}

/** An action whose title, owner, due date or status changed. */
export interface ActionChange {
	id: string;
	title: string;
	changes: FieldChange[];
}

/** An action summarised with its owner's name on its own side. */
export function summariseAction(action: Action, people: readonly Person[]): ActionSummary {
	const { id, title, due, status } = action;
	return { id, title, owner: ownerName(people, action.owner), due, status };
}

/**
 * The fields that differ between two readings of an entity, read through `views` (one per
 * field, each given the entity and its side's people), in the order of `views`.
 */
export function changedFields<Entity>(
	before: { entity: Entity; people: readonly Person[] },
	after: { entity: Entity; people: readonly Person[] },
	views: Record<string, (entity: Entity, people: readonly Person[]) => string>
): FieldChange[] {
	return Object.entries(views).flatMap(([field, view]) => {
		const old = view(before.entity, before.people);
		const now = view(after.entity, after.people);
		return old === now ? [] : [{ field, before: old, after: now }];
	});
}
