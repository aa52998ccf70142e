import type * as Y from 'yjs';
import { existingEntry } from './collection.ts';
import { localOrigin } from './doc.ts';
import { idSchema } from './fields.ts';
import { stakeholderPatchSchema, type StakeholderPatch } from './stakeholders.ts';
import { parseInput } from './validate.ts';

/**
 * Sets a person's stakeholder fields in one transaction: a value sets the field, null (or an
 * empty channel) removes it. A person is on the grid when both influence and interest are set
 * (stakeholder-map.ts). Writes nothing when nothing changes.
 */
export function updateStakeholder(doc: Y.Doc, personId: string, patch: StakeholderPatch): void {
	const valid = parseInput('updateStakeholder', stakeholderPatchSchema, patch);
	const person = existingEntry(
		doc,
		{ key: 'people' },
		parseInput('updateStakeholder', idSchema, personId)
	);
	const changes = Object.entries(valid).map(
		([field, value]) => [field, value === '' ? null : value] as const
	);
	const changed = changes.filter(([field, value]) =>
		value === null ? person.has(field) : person.get(field) !== value
	);
	if (changed.length === 0) return;
	doc.transact(() => {
		for (const [field, value] of changed) {
			if (value === null) person.delete(field);
			else person.set(field, value);
		}
	}, localOrigin);
}
