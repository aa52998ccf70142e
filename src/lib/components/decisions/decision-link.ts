import Scale from '@lucide/svelte/icons/scale';

/**
 * The row-menu item (a RowMenu `RowAction`) of a risk, milestone or action that opens the chooser
 * of its decision.
 */
export function linkDecisionAction(linked: string, open: () => void) {
	return {
		label: linked ? 'Change linked decision…' : 'Link a decision…',
		icon: Scale,
		run: open
	};
}
