import { daysUntil, formatDate } from '../dates.ts';
import { riskLabel } from '../risk-fields.ts';
import type { UpdateBasis } from './basis.ts';
import { UPDATE_LIMITS, type StatusFact } from './model.ts';
import { attitudeFacts, dependencyFacts } from './planning-facts.ts';
import { budgetFacts } from './budget-facts.ts';
import { overAllocationFacts } from './allocation-facts.ts';

/**
 * The facts of a new update: what changed between the basis of the previous update (or the
 * kickoff baseline, or an empty board) and the board now, in the words a stakeholder reads.
 * Pure, so it runs offline and in tests; `today` (`YYYY-MM-DD`) decides what is overdue.
 * Facts come grouped by kind, each group in board order; nothing changed gives none.
 */
export function draftFacts(
	previous: UpdateBasis,
	current: UpdateBasis,
	today: string
): StatusFact[] {
	const facts = [
		...milestoneFacts(previous, current),
		...dependencyFacts(previous, current),
		...riskFacts(previous, current),
		...decisionFacts(previous, current),
		...budgetFacts(previous, current),
		...actionFacts(previous, current, today),
		...peopleFacts(previous, current),
		...attitudeFacts(previous, current),
		...overAllocationFacts(previous.overAllocated, current.overAllocated, current.people)
	];
	return facts.slice(0, UPDATE_LIMITS.facts).map((fact) => ({
		...fact,
		text: fact.text.slice(0, UPDATE_LIMITS.factText)
	}));
}

/** "5 days later", "1 day earlier": how far a date moved, in days. */
export function slipInWords(days: number): string {
	const count = Math.abs(days);
	return `${count.toLocaleString()} day${count === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
}

// Titles are quoted, so a title that reads as a sentence is still told from the words around it.
const quoted = (title: string) => `“${title}”`;

function byId<Entry extends { id: string }>(entries: readonly Entry[]): Map<string, Entry> {
	return new Map(entries.map((entry) => [entry.id, entry]));
}

function milestoneFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = byId(previous.milestones);
	const done: StatusFact[] = [];
	const moved: StatusFact[] = [];
	const atRisk: StatusFact[] = [];
	for (const milestone of current.milestones) {
		const was = before.get(milestone.id);
		const link = { section: 'milestones', id: milestone.id } as const;
		const name = quoted(milestone.title);
		if (milestone.status === 'done') {
			if (was?.status !== 'done')
				done.push({ kind: 'milestone-done', text: `Milestone ${name} is done`, ...link });
			continue;
		}
		if (was && was.due !== '' && milestone.due !== '' && was.due !== milestone.due) {
			const days = daysUntil(milestone.due, was.due);
			const text = `Milestone ${name} moved from ${formatDate(was.due)} to ${formatDate(milestone.due)} (${slipInWords(days)})`;
			moved.push({ kind: 'milestone-moved', text, ...link });
		}
		if (milestone.status === 'at-risk' && was?.status !== 'at-risk') {
			const due = milestone.due === '' ? '' : ` (due ${formatDate(milestone.due)})`;
			atRisk.push({
				kind: 'milestone-at-risk',
				text: `Milestone ${name} is at risk${due}`,
				...link
			});
		}
	}
	return [...done, ...moved, ...atRisk];
}

function riskFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = byId(previous.risks);
	const added: StatusFact[] = [];
	const rescored: StatusFact[] = [];
	const closed: StatusFact[] = [];
	for (const risk of current.risks) {
		const was = before.get(risk.id);
		const link = { section: 'risks', id: risk.id } as const;
		const name = riskFactName(risk);
		const score = `${risk.likelihood}×${risk.impact}`;
		if (!was) {
			added.push({ kind: 'risk-added', text: `New risk ${name} (scored ${score})`, ...link });
			continue;
		}
		if (was.likelihood !== risk.likelihood || was.impact !== risk.impact) {
			const text = `Risk ${name} re-scored from ${was.likelihood}×${was.impact} to ${score}`;
			rescored.push({ kind: 'risk-rescored', text, ...link });
		}
		const residual = residualChange(was, risk);
		if (residual)
			rescored.push({ kind: 'risk-rescored', text: `Risk ${name} ${residual}`, ...link });
		if (risk.status === 'closed' && was.status !== 'closed')
			closed.push({ kind: 'risk-closed', text: `Risk ${name} closed`, ...link });
	}
	return [...added, ...rescored, ...closed];
}

// "R-3 "Vendor late"", or the quoted title alone while the risk is not numbered.
function riskFactName(risk: UpdateBasis['risks'][number]): string {
	return risk.ref === null ? quoted(risk.title) : `${riskLabel(risk.ref)} ${quoted(risk.title)}`;
}

// How the residual score moved, in words, or null when it did not.
function residualChange(
	was: UpdateBasis['risks'][number],
	risk: UpdateBasis['risks'][number]
): string | null {
	const residual = (entry: UpdateBasis['risks'][number]) =>
		entry.residualLikelihood === null || entry.residualImpact === null
			? null
			: `${entry.residualLikelihood}×${entry.residualImpact}`;
	const before = residual(was);
	const after = residual(risk);
	if (before === after || after === null) return null;
	return before === null
		? `residual assessed at ${after}`
		: `residual re-scored from ${before} to ${after}`;
}

function decisionFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = byId(previous.decisions);
	return current.decisions
		.filter((decision) => decision.status === 'decided')
		.filter((decision) => before.get(decision.id)?.status !== 'decided')
		.map((decision) => ({
			kind: 'decision-made',
			text: `Decided: ${quoted(decision.title)}`,
			section: 'decisions',
			id: decision.id
		}));
}

type BasisAction = UpdateBasis['actions'][number];

// Overdue on `day`: past its due date and not done.
const overdueOn = (action: BasisAction, day: string) =>
	action.status !== 'done' && action.due !== '' && action.due < day;

function actionFacts(previous: UpdateBasis, current: UpdateBasis, today: string): StatusFact[] {
	const before = byId(previous.actions);
	const done: StatusFact[] = [];
	const overdue: StatusFact[] = [];
	for (const action of current.actions) {
		const was = before.get(action.id);
		const link = { section: 'actions', id: action.id } as const;
		const name = quoted(action.title);
		if (action.status === 'done' && was?.status !== 'done')
			done.push({ kind: 'action-done', text: `Action ${name} is done`, ...link });
		// New since the previous update: an action already overdue then was reported then.
		if (overdueOn(action, today) && !(was && overdueOn(was, previous.day))) {
			const text = `Action ${name} is overdue (due ${formatDate(action.due)})`;
			overdue.push({ kind: 'action-overdue', text, ...link });
		}
	}
	return [...done, ...overdue];
}

function peopleFacts(previous: UpdateBasis, current: UpdateBasis): StatusFact[] {
	const before = byId(previous.people);
	return current.people
		.filter((person) => !before.has(person.id))
		.map((person) => ({
			kind: 'person-joined',
			text: `${person.name} joined the project`,
			section: 'people',
			id: person.id
		}));
}
