import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRisk, createBoard, readRisks } from '../../../src/lib/board/index.ts';
import { hasMitigationText } from '../../../src/lib/board/views/risk-mitigation.ts';

/** A new risk's live mitigation text, inside a board document as the UI gets it. */
function newMitigation(): Y.XmlText {
	const doc = createBoard('kickoff');
	addRisk(doc, { title: 'Vendor late' });
	const risk = readRisks(doc).items[0];
	if (!risk) throw new Error('the risk was not added');
	return risk.mitigation;
}

describe('hasMitigationText', () => {
	it('is false for a new risk', () => {
		expect(hasMitigationText(newMitigation())).toBe(false);
	});

	it('is true once text is written, also inside a nested paragraph', () => {
		const flat = newMitigation();
		flat.insert(0, 'Second supplier');
		expect(hasMitigationText(flat)).toBe(true);

		const nested = newMitigation();
		const paragraph = new Y.XmlText();
		nested.insertEmbed(0, paragraph, { __type: 'paragraph' });
		expect(hasMitigationText(nested)).toBe(false);
		paragraph.insert(0, 'Weekly check-in');
		expect(hasMitigationText(nested)).toBe(true);
	});

	it('is false for a field holding only empty paragraphs or spaces', () => {
		const mitigation = newMitigation();
		const paragraph = new Y.XmlText();
		mitigation.insertEmbed(0, paragraph, { __type: 'paragraph' });
		paragraph.insert(0, '   ');
		expect(hasMitigationText(mitigation)).toBe(false);
	});
});
