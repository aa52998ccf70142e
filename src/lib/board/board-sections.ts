import * as Y from 'yjs';
import * as z from 'zod';
import { boardRoots, localOrigin } from './doc.ts';
import { parseInput } from './validate.ts';

/**
 * The parts a blank board can be given, in navigation order. A kickoff board shows them all; a
 * blank one shows those someone added (`meta.sections`) and those that hold anything.
 */
export const OPTIONAL_SECTIONS = [
	'charter',
	'people',
	'stakeholders',
	'milestones',
	'risks',
	'raci',
	'actions',
	'decisions',
	'budget',
	'updates',
	'resources'
] as const;
/** A part of a board that a blank board shows once added. */
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

const optionalSectionSchema = z.enum(OPTIONAL_SECTIONS);

/** The key in `meta` of the Y.Map of added sections (section → true). */
export const SECTIONS_KEY = 'sections';

/**
 * Adds a section to a blank board. The map is made with the board (initBoard), so two people
 * adding sections offline at once both keep theirs; a board without one gets it here.
 */
export function addBoardSection(doc: Y.Doc, section: OptionalSection): void {
	const valid = parseInput('addBoardSection', optionalSectionSchema, section);
	const { meta } = boardRoots(doc);
	doc.transact(() => {
		let sections = meta.get(SECTIONS_KEY);
		if (!(sections instanceof Y.Map)) {
			sections = new Y.Map<unknown>();
			meta.set(SECTIONS_KEY, sections);
		}
		(sections as Y.Map<unknown>).set(valid, true);
	}, localOrigin);
}

/** The sections added to the board; anything else a peer wrote there is ignored. */
export function readAddedSections(doc: Y.Doc): ReadonlySet<OptionalSection> {
	const sections = boardRoots(doc).meta.get(SECTIONS_KEY);
	const added = new Set<OptionalSection>();
	if (!(sections instanceof Y.Map)) return added;
	for (const [key, value] of sections.entries()) {
		const section = optionalSectionSchema.safeParse(key);
		if (section.success && value === true) added.add(section.data);
	}
	return added;
}

/** Whether any section of the charter holds text. */
export function charterHasText(doc: Y.Doc): boolean {
	for (const value of boardRoots(doc).charter.values())
		if (value instanceof Y.XmlText && value.length > 0) return true;
	return false;
}
