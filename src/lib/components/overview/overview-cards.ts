import type { LucideProps } from '@lucide/svelte';
import AlarmClock from '@lucide/svelte/icons/alarm-clock';
import CalendarRange from '@lucide/svelte/icons/calendar-range';
import Flag from '@lucide/svelte/icons/flag';
import Grid3x3 from '@lucide/svelte/icons/grid-3x3';
import ShieldAlert from '@lucide/svelte/icons/shield-alert';
import type { Component } from 'svelte';
import type { OptionalSection } from '$lib/board/board-sections.ts';
import type { SponsorSummary } from '$lib/board/views/sponsor-summary.ts';
import ActionsDue from './ActionsDue.svelte';
import MilestonesGlance from './MilestonesGlance.svelte';
import RaciProblems from './RaciProblems.svelte';
import ResourceProblems from './ResourceProblems.svelte';
import TopRisks from './TopRisks.svelte';

/** What every card's body is given. */
export interface OverviewCardProps {
	readonly summary: SponsorSummary;
	/** The board's resolved path, for links into its sections. */
	readonly base: string;
	/** Today, `YYYY-MM-DD`. */
	readonly today: string;
}

/** One card of the overview, shown when the board shows its section. */
export interface OverviewCardSpec {
	readonly section: Exclude<OptionalSection, 'charter' | 'people'>;
	readonly title: string;
	readonly icon: Component<LucideProps>;
	readonly body: Component<OverviewCardProps>;
	/** The words of the link to the section. */
	readonly more: string;
	/** Whether the card holds something that needs attention. */
	readonly alert: (summary: SponsorSummary) => boolean;
	/** Whether the board shows the card at all (every card when not given). */
	readonly shown?: (summary: SponsorSummary) => boolean;
	/** Whether the card takes the whole width. */
	readonly wide?: boolean;
	/** Whether the card takes two rows of one column, beside two shorter ones. */
	readonly tall?: (summary: SponsorSummary) => boolean;
}

/** The overview's cards, in the order a sponsor reads them. */
export const OVERVIEW_CARDS: readonly OverviewCardSpec[] = [
	{
		section: 'milestones',
		title: 'Milestones',
		icon: Flag,
		body: MilestonesGlance,
		more: 'See all milestones',
		alert: (summary) => summary.troubledMilestones.length > 0,
		wide: true
	},
	{
		section: 'risks',
		title: 'Top risks',
		icon: ShieldAlert,
		body: TopRisks,
		more: 'See the risk register',
		alert: (summary) => summary.openRisksByBand.critical > 0,
		// Beside the RACI and actions cards only when it lists enough risks to fill two rows.
		tall: (summary) => summary.topRisks.length >= 3
	},
	{
		section: 'raci',
		title: 'RACI problems',
		icon: Grid3x3,
		body: RaciProblems,
		more: 'See the RACI matrix',
		alert: (summary) => summary.raciTasksWithProblems > 0
	},
	{
		section: 'actions',
		title: 'Overdue actions',
		icon: AlarmClock,
		body: ActionsDue,
		more: 'See all actions',
		alert: (summary) => summary.overdueActions > 0
	},
	{
		section: 'resources',
		title: 'Resource problems',
		icon: CalendarRange,
		body: ResourceProblems,
		more: 'See the resource plan',
		alert: (summary) => summary.allocationProblems.length > 0,
		shown: (summary) => summary.plansResources
	}
];
