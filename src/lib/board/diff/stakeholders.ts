import type { Person } from '../schema.ts';
import { ATTITUDE_LABELS } from '../stakeholders.ts';
import { quadrantLabel } from '../views/stakeholder-map.ts';
import { matchById } from './entities.ts';

/** A person whose stakeholder value changed, in words ("Keep informed" → "Manage closely"). */
export interface StakeholderChange {
	id: string;
	name: string;
	before: string;
	after: string;
}

/** Stakeholder changes between two states of a board. */
export interface StakeholderChanges {
	/** People who moved to another quadrant, or on or off the grid. */
	moved: StakeholderChange[];
	/** People whose attitude changed. */
	attitude: StakeholderChange[];
}

/** How many stakeholder changes a comparison lists. */
export function countStakeholderChanges(changes: StakeholderChanges): number {
	return changes.moved.length + changes.attitude.length;
}

const attitudeOf = (person: Person) =>
	person.attitude ? ATTITUDE_LABELS[person.attitude] : 'Not set';

/** People on both sides whose quadrant or attitude differs, in the newer board's order. */
export function compareStakeholders(
	before: readonly Person[],
	after: readonly Person[]
): StakeholderChanges {
	const { kept } = matchById({ before, after });
	const changed = (read: (person: Person) => string) =>
		kept
			.filter(({ before: old, after: now }) => read(old) !== read(now))
			.map(({ before: old, after: now }) => ({
				id: now.id,
				name: now.name,
				before: read(old),
				after: read(now)
			}));
	return { moved: changed(quadrantLabel), attitude: changed(attitudeOf) };
}
