import type * as Y from 'yjs';
import { existingEntry } from './collection.ts';
import { boardSchemaVersion, localOrigin } from './doc.ts';
import { idSchema } from './fields.ts';
import { stakeholderPatchSchema, type StakeholderPatch } from './stakeholders.ts';
import { plainTextOf, writePlainText } from './text.ts';
import { parseInput } from './validate.ts';

/**
 * Sets a person's stakeholder fields in one transaction: a value sets the field, null (or an
 * empty channel) removes it. The channel is a plain text field: it gets the smallest change
 * that gives it the new text, and clearing it empties the text (text.ts). A person is on the
 * grid when both influence and interest are set (stakeholder-map.ts). Writes nothing when
 * nothing changes.
 */
export function updateStakeholder(doc: Y.Doc, personId: string, patch: StakeholderPatch): void {
	const valid = parseInput('updateStakeholder', stakeholderPatchSchema, patch);
	const person = existingEntry(
		doc,
		{ key: 'people' },
		parseInput('updateStakeholder', idSchema, personId)
	);
	const { commsChannel, ...values } = valid;
	const changes = Object.entries(values).filter(([field, value]) =>
		value === null ? person.has(field) : value !== undefined && person.get(field) !== value
	);
	const channel = commsChannel === undefined ? undefined : (commsChannel ?? '');
	const channelChanged =
		channel !== undefined && (plainTextOf(person.get('commsChannel')) ?? '') !== channel;
	if (changes.length === 0 && !channelChanged) return;
	doc.transact(() => {
		for (const [field, value] of changes) {
			if (value === null) person.delete(field);
			else person.set(field, value);
		}
		if (channelChanged) writePlainText(person, 'commsChannel', channel, boardSchemaVersion(doc));
	}, localOrigin);
}
