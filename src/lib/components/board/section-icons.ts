import type { Component } from 'svelte';
import ChartNoAxesGantt from '@lucide/svelte/icons/chart-no-axes-gantt';
import FileText from '@lucide/svelte/icons/file-text';
import GitCompareArrows from '@lucide/svelte/icons/git-compare-arrows';
import Grid3x3 from '@lucide/svelte/icons/grid-3x3';
import History from '@lucide/svelte/icons/history';
import LayoutDashboard from '@lucide/svelte/icons/layout-dashboard';
import ListChecks from '@lucide/svelte/icons/list-checks';
import Megaphone from '@lucide/svelte/icons/megaphone';
import MessagesSquare from '@lucide/svelte/icons/messages-square';
import ShieldAlert from '@lucide/svelte/icons/shield-alert';
import Scale from '@lucide/svelte/icons/scale';
import Users from '@lucide/svelte/icons/users';
import UsersRound from '@lucide/svelte/icons/users-round';
import Route from '@lucide/svelte/icons/route';
import Send from '@lucide/svelte/icons/send';
import Wallet from '@lucide/svelte/icons/wallet';
import Radar from '@lucide/svelte/icons/radar';
import CalendarRange from '@lucide/svelte/icons/calendar-range';
import type { BoardSection, SectionGroup } from './sections.ts';

/** The icon beside each section's name in the board's tabs (decorative: the name is the label). */
export const SECTION_ICONS: Readonly<
	Record<BoardSection['segment'], Component<{ size?: number }>>
> = {
	'': LayoutDashboard,
	charter: FileText,
	people: Users,
	milestones: ChartNoAxesGantt,
	risks: ShieldAlert,
	raci: Grid3x3,
	actions: ListChecks,
	decisions: Scale,
	budget: Wallet,
	updates: Megaphone,
	stakeholders: Radar,
	resources: CalendarRange,
	retro: MessagesSquare,
	changes: GitCompareArrows,
	versions: History
};

/** The icon of a group's tab. */
export const GROUP_ICONS: Readonly<Record<SectionGroup['key'], Component<{ size?: number }>>> = {
	plan: Route,
	team: UsersRound,
	'follow-up': Send
};
