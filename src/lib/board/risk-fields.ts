import * as z from 'zod';
import { CONTROL_CHARACTERS, TEXT_LIMITS, dateSchema } from './fields.ts';
import { RISK_TRIGGER_SHAPE, storedText } from './text.ts';

/**
 * The risk register's PMO fields (issue 19): category, response strategy, trigger, review date
 * and the residual score after the response. Risks written before them have none of these keys
 * and read with the defaults below (no category, no response, no trigger, no review, residual
 * not assessed), so old boards never fail to read and older clients, whose risk schema ignores
 * unknown keys, still read the new ones.
 */

/** Risk categories as a PMO register sorts them. */
export const RISK_CATEGORIES = [
	'technical',
	'schedule',
	'cost',
	'resource',
	'scope',
	'quality',
	'external',
	'compliance',
	'other'
] as const;
/** A risk category. */
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Response strategies to a threat (PMBOK): avoid, mitigate, transfer or accept it. */
export const RISK_RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
/** A risk response strategy. */
export type RiskResponse = (typeof RISK_RESPONSES)[number];

/** Words for each category, as tables and exports show them. */
export const RISK_CATEGORY_LABELS: Readonly<Record<RiskCategory, string>> = {
	technical: 'Technical',
	schedule: 'Schedule',
	cost: 'Cost',
	resource: 'Resource',
	scope: 'Scope',
	quality: 'Quality',
	external: 'External',
	compliance: 'Compliance',
	other: 'Other'
};

/** Words for each response strategy. */
export const RISK_RESPONSE_LABELS: Readonly<Record<RiskResponse, string>> = {
	avoid: 'Avoid',
	mitigate: 'Mitigate',
	transfer: 'Transfer',
	accept: 'Accept'
};

const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
	z.union([z.enum(values), z.literal('')], {
		error: `expected one of ${values.map((value) => `'${value}'`).join(', ')}, or '' for none`
	});

/** A category, or '' for none chosen yet. */
export const riskCategorySchema = choice(RISK_CATEGORIES);
/** A response strategy, or '' for none chosen yet. */
export const riskResponseSchema = choice(RISK_RESPONSES);

/** A risk's trigger, the early warning that it is happening: one line, up to 300 characters. */
export const riskTriggerSchema = z
	.string()
	.trim()
	.max(TEXT_LIMITS.riskTrigger)
	.refine((text) => !CONTROL_CHARACTERS.test(text), {
		error: 'Must not contain control characters'
	});

const residualMessage = 'expected 1–5, or null when not assessed';
/** A residual likelihood or impact (1–5), or null while it has not been assessed. */
export const residualScoreSchema = z
	.number({ error: residualMessage })
	.int({ error: residualMessage })
	.min(1, { error: residualMessage })
	.max(5, { error: residualMessage })
	.nullable();

/**
 * The new fields as commands and the import take them (no defaults here: zod 4 applies a
 * default inside `.partial()`, and a patch without the field would reset it).
 */
export const RISK_DEPTH_FIELDS = {
	category: riskCategorySchema,
	response: riskResponseSchema,
	trigger: riskTriggerSchema,
	reviewDate: dateSchema,
	residualLikelihood: residualScoreSchema,
	residualImpact: residualScoreSchema
} as const;

/** The new fields with their defaults, for a new risk and for files written before them. */
export const RISK_DEPTH_WITH_DEFAULTS = {
	category: riskCategorySchema.default(''),
	response: riskResponseSchema.default(''),
	trigger: riskTriggerSchema.default(''),
	reviewDate: dateSchema.default(''),
	residualLikelihood: residualScoreSchema.default(null),
	residualImpact: residualScoreSchema.default(null)
} as const;

/** The highest risk number the board accepts: far above any register, far below 2^53. */
export const MAX_RISK_REF = 1_000_000_000;

/** A risk's human number (shown as R-n): a positive whole number. */
export const riskRefSchema = z.number().int().min(1).max(MAX_RISK_REF);

/**
 * A stored ref as readers see it: a valid number, else null ("not numbered yet"), so a bad ref
 * written by a peer hides only the number, never the risk (the server renumbers it).
 */
const storedRef = z
	.unknown()
	.optional()
	.transform((value) => {
		const result = riskRefSchema.safeParse(value);
		return result.success ? result.data : null;
	});

// A stored value that does not parse reads as its default, for the same reason.
const orDefault = <T>(schema: z.ZodType<T>, fallback: T) =>
	z
		.unknown()
		.optional()
		.transform((value) => {
			const result = schema.safeParse(value);
			return result.success ? result.data : fallback;
		});

/** How readers see the new fields (and `ref`) of a stored risk: absent or bad reads as its default. */
export const STORED_RISK_DEPTH = {
	ref: storedRef,
	category: orDefault(riskCategorySchema, ''),
	response: orDefault(riskResponseSchema, ''),
	trigger: orDefault(storedText(riskTriggerSchema, RISK_TRIGGER_SHAPE), ''),
	reviewDate: orDefault(dateSchema, ''),
	residualLikelihood: orDefault(residualScoreSchema, null),
	residualImpact: orDefault(residualScoreSchema, null)
} as const;

/** A risk's number as people read it: "R-7", or "R-?" while the server has not numbered it. */
export function riskLabel(ref: number | null): string {
	return ref === null ? 'R-?' : `R-${ref}`;
}
