import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addBoardSection,
	createBoard,
	readAddedSections,
	type OptionalSection
} from '../../../src/lib/board/index.ts';
import {
	sectionsFor,
	sectionTabs,
	type SectionTab
} from '../../../src/lib/components/board/sections.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('sections of a blank board', () => {
	it('starts with none, and keeps what two people added offline at the same time', () => {
		const a = createBoard('blank');
		const b = new Y.Doc();
		sync(a, b);
		expect(readAddedSections(a).size).toBe(0);
		addBoardSection(a, 'risks');
		addBoardSection(b, 'people');
		sync(a, b);
		for (const doc of [a, b])
			expect([...readAddedSections(doc)].sort()).toEqual(['people', 'risks']);
	});

	it('refuses a section that does not exist, and ignores junk a peer wrote', () => {
		const doc = createBoard('blank');
		expect(() => addBoardSection(doc, 'retro' as OptionalSection)).toThrow();
		(doc.getMap('meta').get('sections') as Y.Map<unknown>).set('../evil', true);
		expect(readAddedSections(doc).size).toBe(0);
	});

	it('shows a blank board its Overview and the sections it has, a kickoff board all of them', () => {
		const names = (sections: { label: string }[]) => sections.map(({ label }) => label);
		expect(names(sectionsFor('blank'))).toEqual(['Overview', 'Versions']);
		expect(names(sectionsFor('blank', false, new Set(['actions', 'charter', 'updates'])))).toEqual([
			'Overview',
			'Charter',
			'Actions',
			'Status updates',
			'Versions'
		]);
		expect(names(sectionsFor('kickoff'))).toContain('Budget');
		expect(names(sectionsFor('kickoff'))).toContain('Stakeholders');
		expect(names(sectionsFor('kickoff'))).toContain('Resources');
		expect(names(sectionsFor('kickoff'))).toHaveLength(13);
	});
});

describe('section tabs', () => {
	const tabNames = (tabs: SectionTab[]) =>
		tabs.map((tab) =>
			tab.kind === 'section'
				? tab.section.label
				: `${tab.group.label}: ${tab.sections.map(({ label }) => label).join(', ')}`
		);

	it('groups a kickoff board’s related sections under one tab each, in the group’s order', () => {
		const tabs = tabNames(sectionTabs(sectionsFor('kickoff', true)));
		expect(tabs.slice(0, 2)).toEqual(['Overview', 'Charter']);
		expect(tabs[2]).toMatch(/^Plan: Milestones, Risks, Decisions/);
		expect(tabs[3]).toMatch(/^Team: People, .*RACI$/);
		expect(tabs.slice(4)).toEqual([
			'Follow-up: Actions, Status updates',
			'Changes since baseline',
			'Versions'
		]);
	});

	it('shows a group with one section on the board as that section’s own tab', () => {
		expect(tabNames(sectionTabs(sectionsFor('retro')))).toEqual([
			'Retrospective',
			'Actions',
			'People',
			'Versions'
		]);
		const blank = sectionsFor('blank', false, new Set(['people', 'raci', 'actions']));
		expect(tabNames(sectionTabs(blank))).toEqual([
			'Overview',
			'Team: People, RACI',
			'Actions',
			'Versions'
		]);
	});
});
