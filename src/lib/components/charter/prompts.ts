import type { CharterSection } from '$lib/board/index.ts';

/** What each charter section asks, shown while it is empty. */
export const CHARTER_PROMPTS: Readonly<Record<CharterSection, string>> = {
	background: 'Why does this project exist? What problem or opportunity started it?',
	objectives: 'What must this project achieve? A few goals you can measure.',
	inScope: 'What will the team deliver? Features, users, systems, teams…',
	outOfScope: 'What is explicitly not part of this project?',
	successCriteria: 'How will you know it worked? Targets, metrics, dates.',
	assumptions: 'What are you taking for granted that could turn out false?',
	constraints: 'Budget, deadlines, regulations, technology you must live with.'
};
