import { markdownText } from '../retro/summary.ts';
import type { Person } from '../schema.ts';
import { ATTITUDE_LABELS, FREQUENCY_LABELS } from '../stakeholders.ts';
import { hasStakeholderData, placeOf, quadrantLabel } from '../views/stakeholder-map.ts';

/** A person as the communications plan of a document lists them, every value in words. */
export interface DocumentStakeholder {
	readonly id: string;
	readonly name: string;
	readonly role: string;
	/** "4" or '' when not placed. */
	readonly influence: string;
	readonly interest: string;
	/** The quadrant, or "Not placed". */
	readonly quadrant: string;
	readonly attitude: string;
	readonly channel: string;
	readonly frequency: string;
}

/** One person's stakeholder values in words ('' for what is not set). */
export function documentStakeholder(person: Person): DocumentStakeholder {
	const place = placeOf(person);
	return {
		id: person.id,
		name: person.name,
		role: person.role,
		influence: place ? String(place.influence) : '',
		interest: place ? String(place.interest) : '',
		quadrant: quadrantLabel(person),
		attitude: person.attitude ? ATTITUDE_LABELS[person.attitude] : '',
		channel: person.commsChannel ?? '',
		frequency: person.commsFrequency ? FREQUENCY_LABELS[person.commsFrequency] : ''
	};
}

/** The people of a communications plan: those with any stakeholder data, in board order. */
export function documentStakeholders(people: readonly Person[]): DocumentStakeholder[] {
	return people.filter(hasStakeholderData).map(documentStakeholder);
}

/** The headings of the communications plan, in the order its columns are written. */
export const STAKEHOLDER_COLUMNS = [
	'Person',
	'Role',
	'Influence',
	'Interest',
	'Quadrant',
	'Attitude',
	'Channel',
	'Frequency'
] as const;

/** A stakeholder's cells under STAKEHOLDER_COLUMNS. */
export function stakeholderCells(stakeholder: DocumentStakeholder): string[] {
	const { name, role, influence, interest, quadrant, attitude, channel, frequency } = stakeholder;
	return [name, role, influence, interest, quadrant, attitude, channel, frequency];
}

/**
 * The stakeholder section of the Markdown export, or '' when nobody has stakeholder data.
 * `table` is markdown.ts's table writer (passed in, so this module does not import it back).
 */
export function stakeholdersMarkdown(
	stakeholders: readonly DocumentStakeholder[],
	table: (header: readonly string[], rows: readonly (readonly string[])[]) => string
): string {
	if (stakeholders.length === 0) return '';
	const rows = stakeholders.map((stakeholder) =>
		stakeholderCells(stakeholder).map((cell) => cell || '—')
	);
	const placed = stakeholders.filter((stakeholder) => stakeholder.influence !== '').length;
	return `## Stakeholders\n\n${markdownText(`${placed} of ${stakeholders.length} placed on the power/interest grid.`)}\n\n### Communications plan\n\n${table(STAKEHOLDER_COLUMNS, rows)}`;
}
