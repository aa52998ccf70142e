import { createContext } from 'svelte';
import {
	addBudgetLines,
	budgetCommands,
	setCurrency,
	type BudgetLine,
	type BudgetLinePatch,
	type NewBudgetLineInput
} from '$lib/board/index.ts';
import { WholeList, type EditableListOptions } from '$lib/components/list/editable-list.svelte.ts';
import { runCommand, type CommandOutcome } from '$lib/components/ui/refusals.ts';

/**
 * The state of the budget: its lines (every write through EditableList), the currency, and
 * adding the lines of a CSV file at once. Components read it and call its methods.
 */
export class BudgetList extends WholeList<BudgetLine, BudgetLinePatch> {
	constructor(options: EditableListOptions) {
		super(options, budgetCommands, 'budget line');
	}

	/** Every line of the budget, in board order. */
	get all(): BudgetLine[] {
		return this.view.budgetLines;
	}

	/** The board's currency. */
	get currency(): string {
		return this.view.currency;
	}

	/** Changes the board's currency, and says so. */
	setCurrency(currency: string): CommandOutcome {
		if (!this.canEdit) return { ok: true };
		const outcome = runCommand(() => setCurrency(this.doc, currency), { noun: 'budget' });
		if (outcome.ok) this.announce(`The budget is now in ${currency}.`);
		return outcome;
	}

	/** Adds checked lines (a CSV import) in one step, and says how many. */
	addMany(lines: readonly NewBudgetLineInput[]): CommandOutcome {
		if (!this.canEdit) return { ok: true };
		const outcome = runCommand(() => addBudgetLines(this.doc, lines), { noun: 'budget line' });
		if (outcome.ok)
			this.announce(`Imported ${lines.length} budget line${lines.length === 1 ? '' : 's'}.`);
		return outcome;
	}
}

/** Reads and provides the budget's state. */
export const [getBudgetList, setBudgetList] = createContext<BudgetList>();
