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
		| 'updates'
		| 'retro'
		| 'changes'
		| 'versions';
	label: string;
	/** True for the board's history pages, shown apart at the end of the navigation. */
	history?: boolean;
}

const KICKOFF_SECTIONS: BoardSection[] = [
	{ segment: '', label: 'Overview' },
	{ segment: 'charter', label: 'Charter' },
	{ segment: 'people', label: 'People' },
	{ segment: 'milestones', label: 'Milestones' },
	{ segment: 'risks', label: 'Risks' },
	{ segment: 'raci', label: 'RACI' },
	{ segment: 'actions', label: 'Actions' },
	{ segment: 'decisions', label: 'Decisions' },
	{ segment: 'updates', label: 'Status updates' }
];

/** What a retro needs: the retro itself, the actions it produces, and their owners. */
const RETRO_SECTIONS: BoardSection[] = [
	{ segment: 'retro', label: 'Retrospective' },
	{ segment: 'actions', label: 'Actions' },
	{ segment: 'people', label: 'People' }
];

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
