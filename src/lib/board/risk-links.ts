import * as z from 'zod';
import type * as Y from 'yjs';
import { existingEntry } from './collection.ts';
import { boardRoots, localOrigin } from './doc.ts';
import { idSchema } from './fields.ts';
import { isId } from './ids.ts';
import { parseInput } from './validate.ts';

/**
 * Links from a risk to the actions and milestones it affects, kept in one root map of cells
 * (`riskLinks`, like `raci`): key `riskId:targetId`, value the target's collection. A cell per
 * link means two people linking different items at once both keep theirs, and unlinking one
 * never touches another. A nested map per risk would do the same for new risks, but risks
 * written before links existed have none, and two peers creating it at once would race: the map
 * one of them made would be dropped with the links put in it.
 */

/** What a risk can be linked to, by the collection it lives in. */
export const RISK_LINK_KINDS = ['actions', 'milestones'] as const;
/** The collection of a linked entry. */
export type RiskLinkKind = (typeof RISK_LINK_KINDS)[number];

/** A link cell's value: the collection its target lives in. */
export const riskLinkKindSchema = z.enum(RISK_LINK_KINDS);

/** The key of the cell linking a risk to an action or a milestone. */
export function riskLinkKey(riskId: string, targetId: string): string {
	return `${riskId}:${targetId}`;
}

/** The risk and target of a link cell's key, or null when the key is malformed. */
export function parseRiskLinkKey(key: string): { riskId: string; targetId: string } | null {
	const [riskId, targetId, ...rest] = key.split(':');
	if (rest.length > 0 || !isId(riskId) || !isId(targetId)) return null;
	return { riskId, targetId };
}

/** A risk's links, by kind, as ids in the order of `cells`' keys. */
export interface RiskLinks {
	readonly actions: readonly string[];
	readonly milestones: readonly string[];
}

const NO_LINKS: RiskLinks = { actions: [], milestones: [] };

/**
 * The links of every risk, from the read cells. A link to an entry a peer removed meanwhile is
 * left out when `exists` says so: the cell stays, harmless, and shows again if the entry is
 * restored by undo.
 */
export function linksByRisk(
	cells: ReadonlyMap<string, RiskLinkKind>,
	exists: (kind: RiskLinkKind, id: string) => boolean = () => true
): ReadonlyMap<string, RiskLinks> {
	const links = new Map<string, { actions: string[]; milestones: string[] }>();
	for (const [key, kind] of cells) {
		const parsed = parseRiskLinkKey(key);
		if (parsed === null || !exists(kind, parsed.targetId)) continue;
		let own = links.get(parsed.riskId);
		if (!own) links.set(parsed.riskId, (own = { actions: [], milestones: [] }));
		own[kind].push(parsed.targetId);
	}
	return links;
}

/** A risk's links from linksByRisk's table (none when it has no entry). */
export function linksOf(table: ReadonlyMap<string, RiskLinks>, riskId: string): RiskLinks {
	return table.get(riskId) ?? NO_LINKS;
}

const linkInputSchema = z.strictObject({
	risk: idSchema,
	kind: riskLinkKindSchema,
	target: idSchema,
	linked: z.boolean()
});
/** Input of setRiskLink. */
export type RiskLinkInput = z.input<typeof linkInputSchema>;

/**
 * Links a risk to an action or a milestone, or unlinks it; both must exist. Writes only its own
 * cell, and nothing when the link already is as asked.
 */
export function setRiskLink(doc: Y.Doc, input: RiskLinkInput): void {
	const { risk, kind, target, linked } = parseInput('setRiskLink', linkInputSchema, input);
	existingEntry(doc, { key: 'risks' }, risk);
	existingEntry(doc, { key: kind }, target);
	const { riskLinks } = boardRoots(doc);
	const key = riskLinkKey(risk, target);
	if (linked ? riskLinks.get(key) === kind : !riskLinks.has(key)) return;
	doc.transact(() => {
		if (linked) riskLinks.set(key, kind);
		else riskLinks.delete(key);
	}, localOrigin);
}

/** Deletes a risk's link cells; called inside the transaction that removes the risk. */
export function deleteRiskLinks(doc: Y.Doc, riskId: string): void {
	const { riskLinks } = boardRoots(doc);
	for (const key of Array.from(riskLinks.keys())) {
		if (parseRiskLinkKey(key)?.riskId === riskId) riskLinks.delete(key);
	}
}
