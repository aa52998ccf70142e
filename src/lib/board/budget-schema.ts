import * as z from 'zod';
import {
	CONTROL_CHARACTERS,
	TEXT_LIMITS,
	idSchema,
	orderSchema,
	personRefSchema,
	timestampSchema,
	titleSchema
} from './fields.ts';
import { isCurrencyCode } from './money.ts';
import { NOTES_SHAPE, TITLE_SHAPE, storedText } from './text.ts';

/** What a budget line pays for. */
export const BUDGET_CATEGORIES = [
	'labour',
	'licences',
	'hardware',
	'services',
	'travel',
	'other'
] as const;
/** A budget category. */
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** Budget categories as people read them. */
export const BUDGET_CATEGORY_LABELS: Readonly<Record<BudgetCategory, string>> = {
	labour: 'Labour',
	licences: 'Licences',
	hardware: 'Hardware',
	services: 'Services',
	travel: 'Travel',
	other: 'Other'
};

const amountMessage = 'expected a whole number of minor units (cents), 0 or more';
/**
 * An amount in minor units of the board's currency: a non-negative safe integer, never a float
 * (money.ts parses and formats it).
 */
export const minorAmountSchema = z
	.number({ error: amountMessage })
	.int({ error: amountMessage })
	.nonnegative({ error: amountMessage })
	.max(Number.MAX_SAFE_INTEGER, { error: amountMessage });

/** A budget line's notes: trimmed, up to 500 characters, no control characters, may be empty. */
export const notesSchema = z
	.string()
	.trim()
	.max(TEXT_LIMITS.budgetNotes)
	.refine((text) => !CONTROL_CHARACTERS.test(text), {
		error: 'Must not contain control characters'
	});

/** A reference to a milestone (by id), or '' for none. */
export const milestoneRefSchema = z.union([idSchema, z.literal('')]);

/** The board's currency: an ISO 4217 code this runtime formats, such as EUR. */
export const currencySchema = z
	.string({ error: 'expected a currency code such as EUR' })
	.refine(isCurrencyCode, { error: 'expected an ISO 4217 currency code such as EUR' });

/** The fields of a budget line users edit (EDITABLE_FIELDS in schema.ts). */
export const BUDGET_LINE_FIELDS = {
	title: titleSchema,
	category: z.enum(BUDGET_CATEGORIES, {
		error: `expected one of ${BUDGET_CATEGORIES.map((value) => `'${value}'`).join(', ')}`
	}),
	owner: personRefSchema,
	milestone: milestoneRefSchema,
	planned: minorAmountSchema,
	actual: minorAmountSchema,
	notes: notesSchema
} as const;

/** An entry of `budgetLines`; its title and notes are Y.Text (text.ts), read as strings. */
export const budgetLineSchema = z.object({
	id: idSchema,
	...BUDGET_LINE_FIELDS,
	title: storedText(titleSchema, TITLE_SHAPE),
	notes: storedText(notesSchema, NOTES_SHAPE),
	order: orderSchema,
	createdAt: timestampSchema
});
/** A line of the budget. */
export type BudgetLine = z.output<typeof budgetLineSchema>;

/** Input of addBudgetLine: a title, the rest defaults to nothing planned, nothing spent. */
export const newBudgetLineSchema = z.strictObject({
	title: titleSchema,
	category: BUDGET_LINE_FIELDS.category.default('other'),
	owner: personRefSchema.default(''),
	milestone: milestoneRefSchema.default(''),
	planned: minorAmountSchema.default(0),
	actual: minorAmountSchema.default(0),
	notes: notesSchema.default('')
});
/** Input of addBudgetLine. */
export type NewBudgetLineInput = z.input<typeof newBudgetLineSchema>;
/** Input of updateBudgetLine. */
export const budgetLinePatchSchema = z.strictObject(BUDGET_LINE_FIELDS).partial();
/** Input of updateBudgetLine. */
export type BudgetLinePatch = z.input<typeof budgetLinePatchSchema>;
