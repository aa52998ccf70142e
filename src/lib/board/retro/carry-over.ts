import * as Y from 'yjs';
import { addAction, addPerson, setTitle } from '../commands.ts';
import { boardRoots, localOrigin, retroColumnEntry } from '../doc.ts';
import { newId } from '../ids.ts';
import { initialOrders } from '../order.ts';
import { readActions, readMeta, readPeople, readRetroColumns, readRetroSettings } from '../read.ts';
import { titleSchema, type Action } from '../schema.ts';
import { RetroRuleError } from './errors.ts';
import { readRetroExtras, retroExtraRoots } from './model.ts';

/** The actions a new retro takes over: those not done yet. */
export function openActions(actions: readonly Action[]): Action[] {
	return actions.filter((action) => action.status !== 'done');
}

/** The new board's title: the old one stamped with today's date (replacing an older stamp). */
export function nextRetroTitle(title: string, today: string): string {
	const base = title.replace(/ · \d{4}-\d{2}-\d{2}$/, '');
	return titleSchema.parse(`${base.slice(0, 200 - 13)} · ${today}`);
}

/**
 * Sets up `target`, a newly created retro board, as the next retro of `source`: same title
 * (dated), columns, votes and anonymity, the same people, and the open actions, each listed for
 * review at the start. `facilitator` (the user starting it) facilitates the new one.
 */
export function carryOverRetro(
	target: Y.Doc,
	source: Y.Doc,
	options: { facilitator: string; today: string }
): { actions: number; people: number } {
	const sourceMeta = readMeta(source);
	const sourceSettings = readRetroSettings(source);
	if (!sourceMeta.ok || !sourceSettings.ok) throw new RetroRuleError('the source is not a retro');
	if (!readRetroSettings(target).ok) throw new RetroRuleError('the target is not a retro');
	setTitle(target, nextRetroTitle(sourceMeta.meta.title, options.today));
	copyRetroSetup(target, source, options.facilitator);
	const personIds = new Map<string, string>();
	for (const person of readPeople(source).items) {
		const { name, role, color } = person;
		personIds.set(person.id, addPerson(target, { name, role, color }));
	}
	const carried = openActions(readActions(source).items);
	const review = retroExtraRoots(target).review;
	for (const action of carried) {
		const { title, due, status } = action;
		const owner = personIds.get(action.owner) ?? '';
		const id = addAction(target, { title, due, status, owner });
		target.transact(() => review.set(id, { from: sourceMeta.meta.title }), localOrigin);
	}
	return { actions: carried.length, people: personIds.size };
}

function copyRetroSetup(target: Y.Doc, source: Y.Doc, facilitator: string): void {
	const settings = readRetroSettings(source);
	const titles = readRetroColumns(source).items.map((column) => column.title);
	const roots = boardRoots(target);
	const orders = initialOrders(titles.length);
	target.transact(() => {
		if (titles.length > 0) {
			for (const id of Array.from(roots.retroColumns.keys())) roots.retroColumns.delete(id);
			titles.forEach((title, i) => {
				roots.retroColumns.set(newId(), retroColumnEntry(title, orders[i]!));
			});
		}
		if (settings.ok) {
			roots.retro.set('format', settings.settings.format);
			roots.retro.set('votesPerPerson', settings.settings.votesPerPerson);
		}
		roots.retro.set('anonymous', readRetroExtras(source).anonymous);
		roots.meta.set('facilitator', facilitator);
	}, localOrigin);
}
