import { createContext } from 'svelte';
import {
	decisionCommands,
	supersedeDecision,
	type Decision,
	type DecisionPatch
} from '$lib/board/index.ts';
import { DECISION_STATUS_LABELS } from '$lib/board/views/decision-log.ts';
import {
	EditableList,
	type EditableListOptions
} from '$lib/components/list/editable-list.svelte.ts';
import { runCommand, type CommandOutcome } from '$lib/components/ui/refusals.ts';

/**
 * The state of the decision log: every write (through EditableList), and superseding one
 * decision by another. Components read it and call its methods; it never touches the DOM.
 */
export class DecisionLog extends EditableList<Decision, DecisionPatch> {
	constructor(options: EditableListOptions) {
		super(options, decisionCommands, 'decision');
	}

	/** Every decision on the board, in board order. */
	get all(): Decision[] {
		return this.view.decisions;
	}

	/** The log shows every decision, in board order. */
	get shown(): Decision[] {
		return this.view.decisions;
	}

	/** A decision by id, or undefined when there is none (never was, or removed). */
	byId(id: string): Decision | undefined {
		return id ? this.view.decisions.find((decision) => decision.id === id) : undefined;
	}

	/**
	 * Changes a decision's status; one marked decided without a date gets today's, since that is
	 * when most people record it.
	 */
	setStatus(decision: Decision, status: Decision['status'], today: string): CommandOutcome {
		const dated = status === 'decided' && decision.decidedOn === '';
		const outcome = this.update(decision.id, dated ? { status, decidedOn: today } : { status });
		if (outcome.ok) this.announce(`${decision.title}: ${DECISION_STATUS_LABELS[status]}.`);
		return outcome;
	}

	/** Marks `decision` superseded by the decision `successorId`, and says so. */
	supersede(decision: Decision, successorId: string): CommandOutcome {
		if (!this.canEdit) return { ok: true };
		const outcome = runCommand(() => supersedeDecision(this.doc, decision.id, successorId), {
			noun: 'decision'
		});
		const successor = this.byId(successorId);
		if (outcome.ok && successor)
			this.announce(`${decision.title} is superseded by ${successor.title}.`);
		return outcome;
	}
}

/** Reads and provides the decision log's state. */
export const [getDecisionLog, setDecisionLog] = createContext<DecisionLog>();
