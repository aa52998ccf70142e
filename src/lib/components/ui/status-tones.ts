import type {
	ActionStatus,
	DecisionStatus,
	MilestoneStatus,
	RiskStatus
} from '$lib/board/index.ts';

/** The colours a status pill takes, each drawn from the palette in app.css. */
export type StatusTone = 'neutral' | 'accent' | 'warn' | 'ok';

/** An open risk wants attention, one being mitigated is in hand, a closed one is settled. */
export const RISK_STATUS_TONES: Readonly<Record<RiskStatus, StatusTone>> = {
	open: 'warn',
	mitigating: 'accent',
	accepted: 'neutral',
	closed: 'ok'
};

/** Actions go from grey (to do) through blue (doing) to green (done). */
export const ACTION_STATUS_TONES: Readonly<Record<ActionStatus, StatusTone>> = {
	todo: 'neutral',
	doing: 'accent',
	done: 'ok'
};

/** The same colours as the milestone row's left edge. */
export const MILESTONE_STATUS_TONES: Readonly<Record<MilestoneStatus, StatusTone>> = {
	planned: 'accent',
	'at-risk': 'warn',
	done: 'ok'
};

/** A proposal is in play (blue), a decision holds (green); superseded and reversed ones are history. */
export const DECISION_STATUS_TONES: Readonly<Record<DecisionStatus, StatusTone>> = {
	proposed: 'accent',
	decided: 'ok',
	superseded: 'neutral',
	reversed: 'warn'
};
