import { sectionsFor } from '$lib/components/board/sections.ts';

/** The board section a path shows, relative to the board's base path ('' for the overview). */
export function sectionOfPath(pathname: string, base: string): string {
	const path = pathname.replace(/\/$/, '');
	return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : '';
}

/** Whether `section` is one a retro board has; awareness is peer input, never trusted blindly. */
export function isRetroSection(section: string): boolean {
	return sectionsFor('retro').some((known) => known.segment === section);
}

/**
 * The creator of a retro board facilitates it. Creation code does not know the user, so the
 * creator's first visit claims it: an editor alone on a board nobody facilitates, with no
 * cards and nobody else writing yet.
 */
export function shouldClaimFacilitation(state: {
	canEdit: boolean;
	facilitator: string | null;
	cards: number;
	otherWriters: number;
	othersPresent: number;
}): boolean {
	return (
		state.canEdit &&
		state.facilitator === null &&
		state.cards === 0 &&
		state.otherWriters === 0 &&
		state.othersPresent === 0
	);
}
