import * as Y from 'yjs';
import { existingEntry } from '../collection.ts';
import { boardSchemaVersion, localOrigin } from '../doc.ts';
import { EntityNotFoundError, PlainTextEditError } from '../errors.ts';
import { compareByOrder } from '../order.ts';
import { readRetroCards } from '../read.ts';
import type { RetroCard } from '../schema.ts';
import { plainTextOf, writePlainText } from '../text.ts';
import type { TextChange } from '../text-change.ts';
import { editPlainText } from '../text-commands.ts';
import { groupNameText } from '../text-fields.ts';
import { parseInput } from '../validate.ts';
import { requireUnlocked } from './facilitation.ts';
import { groupNameSchema, readGroupNames, retroExtraRoots } from './model.ts';
import { requireAbility } from './settings.ts';

/** Cards that belong together, led by the first one; a lone card is a group of one. */
export interface RetroGroup {
	/** The lead card's id, which also names the group in votes and group names. */
	readonly id: string;
	readonly column: string;
	/** The lead first, then the others in board order. */
	readonly cards: readonly RetroCard[];
	/** The group's name, '' when unnamed (a lone card never shows one). */
	readonly name: string;
}

/**
 * The lead card of each card. A card's `group` points at another card; peers grouping at the
 * same moment can build chains (A→B→C) or even cycles, so pointers are followed to the end and a
 * cycle is led by its smallest id: every peer derives the same groups from the same data.
 */
export function leadsOf(cards: readonly RetroCard[]): Map<string, string> {
	const byId = new Map(cards.map((card) => [card.id, card]));
	const leads = new Map<string, string>();
	for (const card of cards) {
		const path: string[] = [];
		let current = card;
		let lead: string | undefined;
		for (;;) {
			const known = leads.get(current.id);
			if (known !== undefined) {
				lead = known;
				break;
			}
			const seenAt = path.indexOf(current.id);
			if (seenAt !== -1) {
				lead = path.slice(seenAt).sort()[0]!;
				break;
			}
			path.push(current.id);
			const next = current.group === '' ? undefined : byId.get(current.group);
			if (next === undefined) {
				lead = current.id;
				break;
			}
			current = next;
		}
		for (const id of path) leads.set(id, lead);
	}
	return leads;
}

/** Every group (lone cards included), in board order of their lead cards. */
export function buildGroups(
	cards: readonly RetroCard[],
	names: ReadonlyMap<string, string>
): RetroGroup[] {
	const leads = leadsOf(cards);
	const members = new Map<string, RetroCard[]>();
	for (const card of [...cards].sort(compareByOrder)) {
		const lead = leads.get(card.id)!;
		const list = members.get(lead) ?? [];
		list.push(card);
		members.set(lead, list);
	}
	const groups: RetroGroup[] = [];
	for (const [id, list] of members) {
		const lead = list.find((card) => card.id === id)!;
		const cardsInGroup = [lead, ...list.filter((card) => card !== lead)];
		const name = cardsInGroup.length > 1 ? (names.get(id) ?? '') : '';
		groups.push({ id, column: lead.column, cards: cardsInGroup, name });
	}
	return groups.sort((a, b) => compareByOrder(a.cards[0]!, b.cards[0]!));
}

/** The groups of one column. */
export function groupsInColumn(groups: readonly RetroGroup[], columnId: string): RetroGroup[] {
	return groups.filter((group) => group.column === columnId);
}

/** Puts one card into the group of `targetId` (a card of that group, or its lead). */
export function moveCardToGroup(doc: Y.Doc, cardId: string, targetId: string, actor: string): void {
	requireAbility(doc, 'moveCardToGroup', 'group');
	requireUnlocked(doc, 'moveCardToGroup', actor);
	const cards = readRetroCards(doc).items;
	requireCard(cards, cardId);
	requireCard(cards, targetId);
	const leads = leadsOf(cards);
	const targetLead = leads.get(targetId)!;
	if (leads.get(cardId) === targetLead) return;
	doc.transact(() => {
		detach(doc, cards, leads, cardId);
		existingEntry(doc, { key: 'retroCards' }, cardId).set('group', targetLead);
		giveGroupAName(doc, targetLead, '');
	}, localOrigin);
}

/** Takes a card out of its group; the group goes on without it. */
export function ungroupCard(doc: Y.Doc, cardId: string, actor: string): void {
	requireAbility(doc, 'ungroupCard', 'group');
	requireUnlocked(doc, 'ungroupCard', actor);
	const cards = readRetroCards(doc).items;
	const card = requireCard(cards, cardId);
	const leads = leadsOf(cards);
	const alone = cards.every((other) => other.id === cardId || leads.get(other.id) !== cardId);
	if (alone && card.group === '') return;
	doc.transact(() => {
		detach(doc, cards, leads, cardId);
		existingEntry(doc, { key: 'retroCards' }, cardId).set('group', '');
	}, localOrigin);
}

/**
 * Names the group led by `leadId`, folding the name into its Y.Text (text.ts); '' empties it
 * (a schema-1 name is removed).
 */
export function nameGroup(doc: Y.Doc, leadId: string, name: string, actor: string): void {
	const validName = parseInput('nameGroup', groupNameSchema, name);
	requireAbility(doc, 'nameGroup', 'group');
	requireUnlocked(doc, 'nameGroup', actor);
	requireCard(readRetroCards(doc).items, leadId);
	const { groupNames } = retroExtraRoots(doc);
	if ((plainTextOf(groupNames.get(leadId)) ?? '') === validName) return;
	doc.transact(() => {
		if (validName === '' && groupNameText(doc, leadId) === null) groupNames.delete(leadId);
		else writePlainText(groupNames, leadId, validName, boardSchemaVersion(doc));
	}, localOrigin);
}

/** Changes the name of the group led by `leadId` by one edit (a keystroke, a paste) of its text. */
export function editGroupName(doc: Y.Doc, leadId: string, change: TextChange, actor: string): void {
	requireAbility(doc, 'editGroupName', 'group');
	requireUnlocked(doc, 'editGroupName', actor);
	const text = groupNameText(doc, leadId);
	if (!text) throw new PlainTextEditError('editGroupName', 'the group has no shared name yet');
	editPlainText(doc, text, change);
}

/**
 * Gives every group that has no name an empty one, in the caller's transaction: for boards
 * written before groups got their name with them (a migration, an import).
 */
export function nameEveryGroup(doc: Y.Doc): void {
	const leads = leadsOf(readRetroCards(doc).items);
	for (const [card, lead] of leads) if (card !== lead) giveGroupAName(doc, lead, '');
}

// A group's name is a Y.Text made with the group, in its transaction (never by two peers
// typing the first letter of a name at once); a schema-1 board keeps its string names.
function giveGroupAName(doc: Y.Doc, leadId: string, name: string): void {
	const { groupNames } = retroExtraRoots(doc);
	if (groupNames.has(leadId) || boardSchemaVersion(doc) < 2) return;
	groupNames.set(leadId, new Y.Text(name));
}

/**
 * When `cardId` leads others, the next of them (in board order) takes over the lead and the
 * group's name, so taking the lead card away never breaks the group up. Runs in the caller's
 * transaction.
 */
function detach(
	doc: Y.Doc,
	cards: readonly RetroCard[],
	leads: ReadonlyMap<string, string>,
	cardId: string
): void {
	if (leads.get(cardId) !== cardId) return;
	const others = cards
		.filter((card) => card.id !== cardId && leads.get(card.id) === cardId)
		.sort(compareByOrder);
	const { groupNames } = retroExtraRoots(doc);
	const name = readGroupNames(doc).get(cardId);
	groupNames.delete(cardId);
	const [nextLead, ...rest] = others;
	if (nextLead === undefined) return;
	existingEntry(doc, { key: 'retroCards' }, nextLead.id).set('group', '');
	for (const card of rest)
		existingEntry(doc, { key: 'retroCards' }, card.id).set('group', nextLead.id);
	// A Y.Text cannot move: the next lead's name is a new one holding the same words.
	groupNames.delete(nextLead.id);
	if (boardSchemaVersion(doc) < 2) {
		if (name !== undefined) groupNames.set(nextLead.id, name);
	} else if (name !== undefined || rest.length > 0) giveGroupAName(doc, nextLead.id, name ?? '');
}

function requireCard(cards: readonly RetroCard[], id: string): RetroCard {
	const card = cards.find((candidate) => candidate.id === id);
	if (!card) throw new EntityNotFoundError('retroCards', String(id));
	return card;
}
