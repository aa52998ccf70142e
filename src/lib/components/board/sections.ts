import type { BoardKind } from '../../board/schema.ts';
import type { OptionalSection } from '../../board/board-sections.ts';

/** A board section: its URL segment ('' for the overview) and its name in the navigation. */
export interface BoardSection {
	segment:
		| ''
		| 'charter'
		| 'people'
		| 'milestones'
		| 'risks'
		| 'raci'
		| 'actions'
		| 'decisions'
		| 'budget'
		| 'updates'
		| 'stakeholders'
		| 'resources'
		| 'retro'
		| 'changes'
		| 'versions';
	label: string;
	/** True for the board's history pages, shown apart at the end of the navigation. */
	history?: boolean;
}

// In navigation order: the tabs group them (see SECTION_GROUPS), so a group's sections stay together.
const KICKOFF_SECTIONS: BoardSection[] = [
	{ segment: '', label: 'Overview' },
	{ segment: 'charter', label: 'Charter' },
	{ segment: 'milestones', label: 'Milestones' },
	{ segment: 'risks', label: 'Risks' },
	{ segment: 'decisions', label: 'Decisions' },
	{ segment: 'budget', label: 'Budget' },
	{ segment: 'people', label: 'People' },
	{ segment: 'stakeholders', label: 'Stakeholders' },
	{ segment: 'resources', label: 'Resources' },
	{ segment: 'raci', label: 'RACI' },
	{ segment: 'actions', label: 'Actions' },
	{ segment: 'updates', label: 'Status updates' }
];

/** What a retro needs: the retro itself, the actions it produces, and their owners. */
const RETRO_SECTIONS: BoardSection[] = [
	{ segment: 'retro', label: 'Retrospective' },
	{ segment: 'actions', label: 'Actions' },
	{ segment: 'people', label: 'People' }
];

/** A section's name in the navigation, by its URL segment. */
export function sectionLabel(segment: BoardSection['segment']): string | undefined {
	return [...KICKOFF_SECTIONS, ...RETRO_SECTIONS].find((section) => section.segment === segment)
		?.label;
}

/** The section a board of this kind opens on: its first. */
export function homeSegment(kind: BoardKind | null): BoardSection['segment'] {
	return sectionsFor(kind)[0]!.segment;
}

/**
 * The sections a board of this kind shows, in navigation order, then its history pages (a
 * blank board: its Overview and the sections in `shown`):
 * "Changes since baseline" once a baseline is set, and "Versions".
 */
export function sectionsFor(
	kind: BoardKind | null,
	hasBaseline = false,
	shown: ReadonlySet<OptionalSection> = new Set()
): BoardSection[] {
	const content: BoardSection[] =
		kind === 'retro'
			? RETRO_SECTIONS
			: kind === 'blank'
				? KICKOFF_SECTIONS.filter(
						({ segment }) => segment === '' || shown.has(segment as OptionalSection)
					)
				: KICKOFF_SECTIONS;
	const history: BoardSection[] = [
		...(hasBaseline
			? [{ segment: 'changes', label: 'Changes since baseline', history: true } as const]
			: []),
		{ segment: 'versions', label: 'Versions', history: true }
	];
	return [...content, ...history];
}

/** A group of sections that shares one tab; its sections show in a second row while one is open. */
export interface SectionGroup {
	key: 'plan' | 'team' | 'follow-up';
	label: string;
	members: readonly BoardSection['segment'][];
}

/**
 * A kickoff board has more sections than a laptop's width holds in one row of tabs, so related
 * ones share a tab. A group that a board shows only one section of is just that section's tab.
 */
export const SECTION_GROUPS: readonly SectionGroup[] = [
	{ key: 'plan', label: 'Plan', members: ['milestones', 'risks', 'decisions', 'budget'] },
	{ key: 'team', label: 'Team', members: ['people', 'stakeholders', 'resources', 'raci'] },
	{ key: 'follow-up', label: 'Follow-up', members: ['actions', 'updates'] }
];

/** One tab of the board's navigation: a section, or a group of two or more. */
export type SectionTab =
	| { kind: 'section'; section: BoardSection }
	| { kind: 'group'; group: SectionGroup; sections: BoardSection[] };

/**
 * The tabs for these sections, in order: each group where its first shown member would be, its
 * members in the group's own order; a group with one shown member is that member's tab.
 */
export function sectionTabs(sections: readonly BoardSection[]): SectionTab[] {
	const tabs: SectionTab[] = [];
	const placed = new Set<SectionGroup>();
	for (const section of sections) {
		const group = SECTION_GROUPS.find(({ members }) => members.includes(section.segment));
		if (!group) {
			tabs.push({ kind: 'section', section });
			continue;
		}
		if (placed.has(group)) continue;
		placed.add(group);
		const shown = group.members.flatMap((segment) =>
			sections.filter((candidate) => candidate.segment === segment)
		);
		tabs.push(
			shown.length === 1
				? { kind: 'section', section: shown[0]! }
				: { kind: 'group', group, sections: shown }
		);
	}
	return tabs;
}
