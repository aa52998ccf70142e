import type { BoardKind } from '../../board/schema.ts';

/** A board section: its URL segment ('' for the overview) and its name in the navigation. */
export interface BoardSection {
	segment: '' | 'charter' | 'people' | 'milestones' | 'risks' | 'raci' | 'actions' | 'retro';
	label: string;
}

const KICKOFF_SECTIONS: BoardSection[] = [
	{ segment: '', label: 'Overview' },
	{ segment: 'charter', label: 'Charter' },
	{ segment: 'people', label: 'People' },
	{ segment: 'milestones', label: 'Milestones' },
	{ segment: 'risks', label: 'Risks' },
	{ segment: 'raci', label: 'RACI' },
	{ segment: 'actions', label: 'Actions' }
];

/** The sections a board of this kind shows, in navigation order. */
export function sectionsFor(kind: BoardKind | null): BoardSection[] {
	if (kind === 'retro') {
		return [{ segment: 'retro', label: 'Retrospective' }, ...KICKOFF_SECTIONS];
	}
	return KICKOFF_SECTIONS;
}
