import { describe, expect, it } from 'vitest';
import {
	readRetroCards,
	readRetroColumns,
	readRetroSettings
} from '../../../src/lib/board/index.ts';
import {
	MAX_COLUMNS,
	NotFacilitatorError,
	RetroPhaseError,
	RetroRuleError,
	addColumn,
	editColumnTitle,
	formatOfColumns,
	moveColumn,
	publishDrafts,
	removeColumn,
	renameColumn,
	setFormat,
	setPhase
} from '../../../src/lib/board/retro/index.ts';
import { textChange } from '../../../src/lib/board/text-change.ts';
import { expectRejectedWithoutWrite } from '../../helpers/board.ts';
import { FACILITATOR, fakeId, newRetro } from './fixtures.ts';

const titles = (doc: Parameters<typeof readRetroColumns>[0]) =>
	readRetroColumns(doc).items.map((column) => column.title);

describe('formats', () => {
	it('starts with Start / Stop / Continue', () => {
		const { doc } = newRetro();
		expect(titles(doc)).toEqual(['Start', 'Stop', 'Continue']);
		expect(formatOfColumns(titles(doc))).toBe('start-stop-continue');
	});

	it('switches to Mad / Sad / Glad and to the four columns of 4Ls', () => {
		const { doc } = newRetro();
		setFormat(doc, 'mad-sad-glad', FACILITATOR);
		expect(titles(doc)).toEqual(['Mad', 'Sad', 'Glad']);
		setFormat(doc, '4ls', FACILITATOR);
		expect(titles(doc)).toEqual(['Liked', 'Learned', 'Lacked', 'Longed for']);
		expect(formatOfColumns(titles(doc))).toBe('4ls');
		const read = readRetroSettings(doc);
		expect(read.ok && read.settings.format).toBe('4ls');
	});

	it('calls the columns custom once they were edited', () => {
		const { doc } = newRetro();
		addColumn(doc, 'Kudos', FACILITATOR);
		expect(formatOfColumns(titles(doc))).toBe('custom');
	});

	it('rejects an unknown format', () => {
		const { doc } = newRetro();
		expectRejectedWithoutWrite(doc, () => setFormat(doc, 'sailboat', FACILITATOR), Error);
	});
});

describe('custom columns', () => {
	it('adds, renames, reorders and removes columns', () => {
		const { doc, columns } = newRetro();
		const kudos = addColumn(doc, 'Kudos', FACILITATOR);
		renameColumn(doc, columns[1]!, 'Stop doing', FACILITATOR);
		moveColumn(doc, kudos, 0, FACILITATOR);
		removeColumn(doc, columns[2]!, FACILITATOR);
		expect(titles(doc)).toEqual(['Kudos', 'Start', 'Stop doing']);
	});

	it('keeps the last column and caps the number of columns', () => {
		const { doc, columns } = newRetro();
		removeColumn(doc, columns[0]!, FACILITATOR);
		removeColumn(doc, columns[1]!, FACILITATOR);
		expectRejectedWithoutWrite(
			doc,
			() => removeColumn(doc, columns[2]!, FACILITATOR),
			RetroRuleError
		);
		for (let i = titles(doc).length; i < MAX_COLUMNS; i++)
			addColumn(doc, `Column ${i}`, FACILITATOR);
		expectRejectedWithoutWrite(
			doc,
			() => addColumn(doc, 'One too many', FACILITATOR),
			RetroRuleError
		);
	});

	it('takes the facilitator keystroke by keystroke, so two tabs typing at both ends merge', () => {
		const { doc, columns } = newRetro();
		editColumnTitle(doc, columns[1]!, textChange('Stop', 'Stop it'), FACILITATOR);
		editColumnTitle(doc, columns[1]!, textChange('Stop it', 'Do: Stop it'), FACILITATOR);
		expect(titles(doc)).toEqual(['Start', 'Do: Stop it', 'Continue']);
		expectRejectedWithoutWrite(
			doc,
			() => editColumnTitle(doc, columns[0]!, textChange('Start', 'Mine'), 'someone'),
			NotFacilitatorError
		);
	});

	it('rejects empty titles and changes by anyone but the facilitator', () => {
		const { doc, columns } = newRetro();
		expectRejectedWithoutWrite(doc, () => addColumn(doc, '  ', FACILITATOR), Error);
		expectRejectedWithoutWrite(
			doc,
			() => renameColumn(doc, columns[0]!, 'Mine', 'someone'),
			NotFacilitatorError
		);
	});

	it('freezes columns once the cards are revealed', () => {
		const { doc } = newRetro();
		setPhase(doc, 'reveal', FACILITATOR);
		expectRejectedWithoutWrite(doc, () => addColumn(doc, 'Late', FACILITATOR), RetroPhaseError);
		expectRejectedWithoutWrite(
			doc,
			() => setFormat(doc, 'mad-sad-glad', FACILITATOR),
			RetroPhaseError
		);
	});
});

describe('publishing drafts', () => {
	const draft = (n: number, column: string, text = `draft ${n}`) => ({
		id: fakeId(n),
		column,
		text,
		createdAt: n
	});

	it('refuses while the retro is still in write: drafts stay private', () => {
		const { doc, columns } = newRetro();
		expectRejectedWithoutWrite(
			doc,
			() => publishDrafts(doc, [draft(1, columns[0]!)], 'user-a'),
			RetroPhaseError
		);
	});

	it('publishes each draft once, as a card with the draft’s id, after the reveal', () => {
		const { doc, columns } = newRetro();
		setPhase(doc, 'reveal', FACILITATOR);
		publishDrafts(doc, [draft(1, columns[0]!), draft(2, columns[1]!)], 'user-a');
		publishDrafts(doc, [draft(1, columns[0]!)], 'user-a');
		const cards = readRetroCards(doc).items;
		expect(cards.map((card) => [card.id, card.text, card.author])).toEqual([
			[fakeId(1), 'draft 1', 'user-a'],
			[fakeId(2), 'draft 2', 'user-a']
		]);
	});

	it('puts a draft whose column was removed into the first column', () => {
		const { doc, columns } = newRetro();
		setPhase(doc, 'reveal', FACILITATOR);
		publishDrafts(doc, [draft(1, fakeId(77))], 'user-a');
		expect(readRetroCards(doc).items[0]!.column).toBe(columns[0]);
	});
});
