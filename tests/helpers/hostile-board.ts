import * as Y from 'yjs';
import { addRisk, createBoard, readCharterSection } from '../../src/lib/board/index.ts';
import {
	OVERLAY_STYLE,
	OVERLAY_TEXT,
	appendBogusHeading,
	appendDeepLinks,
	appendDeepList,
	appendParagraph,
	appendStyledParagraph,
	appendUnknownBlock
} from './hostile-rich-text.ts';

/** What the hostile board holds that must stay visible. */
export const KEPT = {
	risk: 'Vendor slips by a quarter',
	background: 'Visible background',
	objectives: 'Visible objective',
	inScope: 'Visible scope'
} as const;

/** What the hostile board holds that must be hidden (it may hide only itself). */
export const HIDDEN = {
	unknownBlock: 'Cell of a table',
	deepList: 'bottom of the lists',
	deepLinks: 'bottom of the links'
} as const;

function field(doc: Y.Doc, section: Parameters<typeof readCharterSection>[1]): Y.XmlText {
	const text = readCharterSection(doc, section);
	if (!text) throw new Error(`no section ${section}`);
	return text;
}

/**
 * A kickoff board after one modified client's writes, each of which once hid more than itself:
 * a number as `meta.title`, a node type Charter does not have, 20,000 levels of nested lists and
 * of nested links, and (with `styled`) a paragraph whose style would cover the page.
 */
export function hostileBoardState(
	options: { styled?: boolean; depth?: number; linkDepth?: number } = {}
): Uint8Array {
	const depth = options.depth ?? 20_000;
	const linkDepth = options.linkDepth ?? depth;
	const doc = createBoard('kickoff', { title: 'Hostile board' });
	addRisk(doc, { title: KEPT.risk, likelihood: 4, impact: 5 });
	doc.transact(() => {
		doc.getMap('meta').set('title', 42);
		appendParagraph(field(doc, 'background'), KEPT.background);
		appendUnknownBlock(field(doc, 'background'), 'table', HIDDEN.unknownBlock);
		appendParagraph(field(doc, 'objectives'), KEPT.objectives);
		appendDeepList(field(doc, 'objectives'), depth, HIDDEN.deepList);
		appendParagraph(field(doc, 'inScope'), KEPT.inScope);
		appendDeepLinks(field(doc, 'inScope'), linkDepth, HIDDEN.deepLinks);
		if (options.styled) {
			appendStyledParagraph(field(doc, 'outOfScope'), OVERLAY_TEXT, OVERLAY_STYLE);
			appendBogusHeading(field(doc, 'outOfScope'), OVERLAY_STYLE);
		}
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}
