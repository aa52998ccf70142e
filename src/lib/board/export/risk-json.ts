import * as Y from 'yjs';
import * as z from 'zod';
import { newEntryMap } from '../collection.ts';
import { boardRoots } from '../doc.ts';
import { idSchema } from '../fields.ts';
import { RISK_DEPTH_WITH_DEFAULTS, riskRefSchema } from '../risk-fields.ts';
import { linksByRisk, linksOf, riskLinkKey, type RiskLinks } from '../risk-links.ts';
import { RISK_SEQ_KEY } from '../risk-numbering.ts';
import type { BoardRead } from '../read-board.ts';
import type { Risk } from '../schema.ts';
import { readRichText } from './rich-text-read.ts';
import type { RichTextBlock } from './rich-text.ts';
import { writeRichText } from './rich-text-write.ts';

/**
 * The risk register's part of the JSON export and import: each risk with its number (`ref`,
 * null while unnumbered), its register fields and the actions and milestones it affects
 * (`links`), and the board's numbering mark (`riskSeq`), so that a round trip keeps every number.
 */

/** A risk in an export: its mitigation in the documented rich-text form, and its links. */
export type ExportedRisk = Omit<Risk, 'mitigation'> & {
	mitigation: RichTextBlock[];
	links: RiskLinks;
};

/** The risks of a read board as the export writes them. */
export function exportRisks(read: BoardRead): ExportedRisk[] {
	const actions = new Set(read.actions.map((action) => action.id));
	const milestones = new Set(read.milestones.map((milestone) => milestone.id));
	const ids = { actions, milestones };
	const links = linksByRisk(read.riskLinks, (kind, id) => ids[kind].has(id));
	return read.risks.map(({ mitigation, ...risk }) => ({
		...risk,
		mitigation: readRichText(mitigation),
		links: linksOf(links, risk.id)
	}));
}

/** The board's numbering mark as the export writes it (0 when no risk was ever numbered). */
export function exportedRiskSeq(doc: Y.Doc): number {
	const result = riskRefSchema.safeParse(boardRoots(doc).meta.get(RISK_SEQ_KEY));
	return result.success ? result.data : 0;
}

const linkIds = z.array(idSchema).max(10_000);

/**
 * What the import takes of a risk beyond the editable fields: files written before numbers and
 * the register fields have none, and read with the defaults.
 */
export const IMPORTED_RISK_FIELDS = {
	...RISK_DEPTH_WITH_DEFAULTS,
	ref: riskRefSchema.nullable().default(null),
	links: z
		.object({ actions: linkIds.default([]), milestones: linkIds.default([]) })
		.default({ actions: [], milestones: [] })
} as const;

/** The numbering mark an import may carry. */
export const importedRiskSeqSchema = riskRefSchema.optional();

interface ImportedRisk {
	id: string;
	ref: number | null;
	links: { actions: string[]; milestones: string[] };
	mitigation: RichTextBlock[];
}

/** Problems across a file's risks: a number held twice, a link to an entry the file lacks. */
export function riskImportIssues(board: {
	risks: readonly ImportedRisk[];
	actions: readonly { id: string }[];
	milestones: readonly { id: string }[];
}): { path: (string | number)[]; message: string }[] {
	const issues: { path: (string | number)[]; message: string }[] = [];
	const refs = new Set<number>();
	const known = {
		actions: new Set(board.actions.map(({ id }) => id)),
		milestones: new Set(board.milestones.map(({ id }) => id))
	};
	board.risks.forEach((risk, index) => {
		if (risk.ref !== null && refs.has(risk.ref))
			issues.push({ path: ['risks', index, 'ref'], message: `R-${risk.ref} is held twice` });
		if (risk.ref !== null) refs.add(risk.ref);
		for (const kind of ['actions', 'milestones'] as const)
			risk.links[kind].forEach((id, at) => {
				if (!known[kind].has(id))
					issues.push({
						path: ['risks', index, 'links', kind, at],
						message: `no ${kind === 'actions' ? 'action' : 'milestone'} has the id ${id}`
					});
			});
	});
	return issues;
}

/**
 * Writes a file's risks, inside the import's transaction: each with its number, its register
 * fields and its links, and the numbering mark at least the highest number, so the server goes
 * on from there and never gives an imported number again.
 */
export function writeImportedRisks(
	doc: Y.Doc,
	risks: readonly (ImportedRisk & Record<string, unknown>)[],
	riskSeq: number | undefined
): void {
	const roots = boardRoots(doc);
	let seq = riskSeq ?? 0;
	for (const { id, mitigation, ref, links, ...fields } of risks) {
		const text = new Y.XmlText();
		const entry = newEntryMap('risks', { ...fields, mitigation: text });
		if (ref !== null) entry.set('ref', ref);
		roots.risks.set(id, entry);
		writeRichText(text, mitigation);
		if (ref !== null && ref > seq) seq = ref;
		for (const kind of ['actions', 'milestones'] as const)
			for (const target of links[kind]) roots.riskLinks.set(riskLinkKey(id, target), kind);
	}
	if (seq > 0) roots.meta.set(RISK_SEQ_KEY, seq);
}
