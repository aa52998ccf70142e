import * as Y from 'yjs';
import * as z from 'zod';
import {
	cardTextSchema,
	colorSchema,
	consultedSchema,
	dateSchema,
	decisionRefSchema,
	idSchema,
	orderSchema,
	personRefSchema,
	roleSchema,
	timestampSchema,
	titleSchema,
	userIdSchema
} from './fields.ts';
import { BUDGET_LINE_FIELDS } from './budget-schema.ts';
import { CARD_TEXT_SHAPE, ROLE_SHAPE, TITLE_SHAPE, storedText } from './text.ts';
import { storedStakeholderFields } from './stakeholders.ts';
import { RISK_DEPTH_FIELDS, RISK_DEPTH_WITH_DEFAULTS, STORED_RISK_DEPTH } from './risk-fields.ts';

export * from './fields.ts';
export * from './risk-fields.ts';

/**
 * Version of the document layout in DESIGN.md §3, written into `meta.schema`: 2 since plain
 * text fields are Y.Text (text.ts). Boards still at 1 are read as they are and migrated by the
 * server when it loads them (migrate.ts).
 */
export const SCHEMA_VERSION = 2;

/** A layout version this code reads: every one up to its own. */
export const schemaVersionSchema = z.number().int().min(1).max(SCHEMA_VERSION);

/** Board templates. */
export const BOARD_KINDS = ['kickoff', 'retro', 'blank'] as const;
/** A board template. */
export type BoardKind = (typeof BOARD_KINDS)[number];

/** A board template, as validated input or stored value. */
export const boardKindSchema = z.enum(BOARD_KINDS);

/** Milestone states. */
export const MILESTONE_STATUSES = ['planned', 'at-risk', 'done'] as const;
/** A milestone state. */
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Risk states. */
export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'closed'] as const;
/** A risk state. */
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Bounds of a risk's likelihood and impact, the axes of the 5×5 heat map. */
export const RISK_SCALE = { min: 1, max: 5 } as const;

/** RACI letters: Responsible, Accountable, Consulted, Informed. */
export const RACI_VALUES = ['R', 'A', 'C', 'I'] as const;
/** A filled RACI cell; an empty cell is an absent key. */
export type RaciValue = (typeof RACI_VALUES)[number];

/** Action item states. */
export const ACTION_STATUSES = ['todo', 'doing', 'done'] as const;
/** An action item state. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Decision states: proposed until made; superseded by a later one, or reversed. */
export const DECISION_STATUSES = ['proposed', 'decided', 'superseded', 'reversed'] as const;
/** A decision state. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Retrospective phases, in the order a facilitator walks through them. */
export const RETRO_PHASES = ['write', 'reveal', 'group', 'vote', 'discuss', 'done'] as const;
/** A retrospective phase. */
export type RetroPhase = (typeof RETRO_PHASES)[number];

/** Retrospective formats; each names the default columns of a new retro board. */
export const RETRO_FORMATS = [
	'start-stop-continue',
	'mad-sad-glad',
	// Kept so boards written with it still read; new 4Ls boards use '4ls' and its four columns.
	'liked-learned-lacked',
	'4ls'
] as const;
/** A retrospective format. */
export type RetroFormat = (typeof RETRO_FORMATS)[number];

/** Upper bound of votes per person, far above any real retro, to reject nonsense values. */
export const MAX_VOTES_PER_PERSON = 99;

/** An enum of `values` whose refusal lists them, for a person reading an import's errors. */
export function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
	return z.enum(values, {
		error: `expected one of ${values.map((value) => `'${value}'`).join(', ')}`
	});
}

const scaleMessage = `expected ${RISK_SCALE.min}–${RISK_SCALE.max}`;
/** A risk likelihood or impact score. */
export const riskScoreSchema = z
	.number({ error: `${scaleMessage} (a whole number)` })
	.int({ error: scaleMessage })
	.min(RISK_SCALE.min, { error: scaleMessage })
	.max(RISK_SCALE.max, { error: scaleMessage });
/** A RACI cell value. */
export const raciValueSchema = oneOf(RACI_VALUES);

/** `meta`: the board's identity. */
export const boardMetaSchema = z.object({
	schema: schemaVersionSchema,
	title: storedText(titleSchema, TITLE_SHAPE),
	kind: boardKindSchema,
	createdAt: timestampSchema,
	facilitator: userIdSchema.optional()
});
/** The board's identity, as read from `meta`. */
export type BoardMeta = z.output<typeof boardMetaSchema>;

/**
 * The fields users edit, per hand-ordered collection: the one place a field is declared. Entity
 * schemas (below) add id, order and createdAt and read plain text as stored; patches make every
 * field optional; the JSON import (export/import-schema.ts) takes them as they are.
 */
export const EDITABLE_FIELDS = {
	people: { name: titleSchema, role: roleSchema, color: colorSchema },
	milestones: {
		title: titleSchema,
		due: dateSchema,
		owner: personRefSchema,
		status: oneOf(MILESTONE_STATUSES),
		decision: decisionRefSchema
	},
	risks: {
		title: titleSchema,
		likelihood: riskScoreSchema,
		impact: riskScoreSchema,
		owner: personRefSchema,
		status: oneOf(RISK_STATUSES),
		due: dateSchema,
		decision: decisionRefSchema,
		...RISK_DEPTH_FIELDS
	},
	raciTasks: { title: titleSchema },
	actions: {
		title: titleSchema,
		owner: personRefSchema,
		due: dateSchema,
		status: oneOf(ACTION_STATUSES),
		source: z.union([idSchema, z.literal('')]),
		decision: decisionRefSchema
	},
	// `supersededBy` is not here: only supersedeDecision sets it, after checking for a cycle.
	decisions: {
		title: titleSchema,
		status: oneOf(DECISION_STATUSES),
		decidedOn: dateSchema,
		owner: personRefSchema,
		consulted: consultedSchema
	},
	budgetLines: BUDGET_LINE_FIELDS
} as const;
const {
	people: personFields,
	milestones: milestoneFields,
	risks: riskFields,
	raciTasks: raciTaskFields,
	actions: actionFields,
	decisions: decisionFields
} = EDITABLE_FIELDS;

/**
 * The link to a decision as entities read it: entries written before decisions existed have no
 * such key, and read as linked to none. (Only here, never in EDITABLE_FIELDS: zod 4 applies a
 * default inside `.partial()`, so a patch without the field would reset the link.)
 */
const storedDecisionRef = decisionRefSchema.default('');

// How readers see the plain text fields: a schema-1 string or a schema-2 Y.Text (text.ts).
const storedTitle = storedText(titleSchema, TITLE_SHAPE);

/** An entry of `people`; its stakeholder fields (stakeholders.ts) are each optional. */
export const personSchema = z.object({
	id: idSchema,
	...personFields,
	name: storedTitle,
	role: storedText(roleSchema, ROLE_SHAPE),
	...storedStakeholderFields,
	order: orderSchema
});
/** A person taking part in the project. */
export type Person = z.output<typeof personSchema>;

/** An entry of `milestones`. */
export const milestoneSchema = z.object({
	id: idSchema,
	...milestoneFields,
	title: storedTitle,
	decision: storedDecisionRef,
	order: orderSchema
});
/** A project milestone. */
export type Milestone = z.output<typeof milestoneSchema>;

/** An entry of `risks`; `mitigation` is the live rich-text type, kept by reference. */
export const riskSchema = z.object({
	id: idSchema,
	...riskFields,
	title: storedTitle,
	decision: storedDecisionRef,
	// Its number (R-n, null until the server numbers it) and the fields risks written before them lack.
	...STORED_RISK_DEPTH,
	mitigation: z.instanceof(Y.XmlText),
	order: orderSchema,
	createdAt: timestampSchema
});
/** A risk in the register. */
export type Risk = z.output<typeof riskSchema>;

/** An entry of `raciTasks`: a row of the RACI matrix. */
export const raciTaskSchema = z.object({ id: idSchema, title: storedTitle, order: orderSchema });
/** A row of the RACI matrix. */
export type RaciTask = z.output<typeof raciTaskSchema>;

/** An entry of `actions`. */
export const actionSchema = z.object({
	id: idSchema,
	...actionFields,
	title: storedTitle,
	decision: storedDecisionRef,
	order: orderSchema,
	createdAt: timestampSchema
});
/** An action item. */
export type Action = z.output<typeof actionSchema>;

/** The rich-text fields of a decision, created with it (DESIGN.md §3), in display order. */
export const DECISION_TEXT_FIELDS = ['context', 'options', 'consequences'] as const;
/** A rich-text field of a decision. */
export type DecisionTextField = (typeof DECISION_TEXT_FIELDS)[number];

/** An entry of `decisions`; its three texts are live rich-text types, kept by reference. */
export const decisionSchema = z.object({
	id: idSchema,
	...decisionFields,
	title: storedTitle,
	supersededBy: decisionRefSchema,
	context: z.instanceof(Y.XmlText),
	options: z.instanceof(Y.XmlText),
	consequences: z.instanceof(Y.XmlText),
	order: orderSchema,
	createdAt: timestampSchema
});
/** A decision in the decision log. */
export type Decision = z.output<typeof decisionSchema>;

/** `retro`: the retrospective's settings. */
export const retroSettingsSchema = z.object({
	format: oneOf(RETRO_FORMATS),
	phase: oneOf(RETRO_PHASES),
	votesPerPerson: z.number().int().min(0).max(MAX_VOTES_PER_PERSON),
	timerEndsAt: timestampSchema.nullable()
});
/** The retrospective's settings. */
export type RetroSettings = z.output<typeof retroSettingsSchema>;

/** An entry of `retroColumns`. */
export const retroColumnSchema = z.object({ id: idSchema, title: storedTitle, order: orderSchema });
/** A retrospective column. */
export type RetroColumn = z.output<typeof retroColumnSchema>;

/** An entry of `retroCards`. */
export const retroCardSchema = z.object({
	id: idSchema,
	column: idSchema,
	text: storedText(cardTextSchema, CARD_TEXT_SHAPE),
	author: userIdSchema,
	group: z.union([idSchema, z.literal('')]),
	order: orderSchema,
	createdAt: timestampSchema
});
/** A published retrospective card. */
export type RetroCard = z.output<typeof retroCardSchema>;

/** Input of addPerson; without a colour, the command picks one from its palette. */
export const newPersonSchema = z.strictObject({
	name: titleSchema,
	role: roleSchema.default(''),
	color: colorSchema.optional()
});
/** Input of addPerson. */
export type NewPersonInput = z.input<typeof newPersonSchema>;
/** Input of updatePerson. */
export const personPatchSchema = z.strictObject(personFields).partial();
/** Input of updatePerson. */
export type PersonPatch = z.input<typeof personPatchSchema>;

/** Input of addMilestone. */
export const newMilestoneSchema = z.strictObject({
	title: titleSchema,
	due: dateSchema.default(''),
	owner: personRefSchema.default(''),
	status: milestoneFields.status.default('planned'),
	decision: decisionRefSchema.default('')
});
/** Input of addMilestone. */
export type NewMilestoneInput = z.input<typeof newMilestoneSchema>;
/** Input of updateMilestone. */
export const milestonePatchSchema = z.strictObject(milestoneFields).partial();
/** Input of updateMilestone. */
export type MilestonePatch = z.input<typeof milestonePatchSchema>;

/** Input of addRisk; an unscored risk starts in the middle of the heat map. */
export const newRiskSchema = z.strictObject({
	title: titleSchema,
	likelihood: riskScoreSchema.default(3),
	impact: riskScoreSchema.default(3),
	owner: personRefSchema.default(''),
	status: riskFields.status.default('open'),
	due: dateSchema.default(''),
	decision: decisionRefSchema.default(''),
	...RISK_DEPTH_WITH_DEFAULTS
});
/** Input of addRisk. */
export type NewRiskInput = z.input<typeof newRiskSchema>;
/** Input of updateRisk; the mitigation text is edited through its Y.XmlText, never replaced. */
export const riskPatchSchema = z.strictObject(riskFields).partial();
/** Input of updateRisk. */
export type RiskPatch = z.input<typeof riskPatchSchema>;

/** Input of addRaciTask. */
export const newRaciTaskSchema = z.strictObject(raciTaskFields);
/** Input of addRaciTask. */
export type NewRaciTaskInput = z.input<typeof newRaciTaskSchema>;
/** Input of updateRaciTask. */
export const raciTaskPatchSchema = z.strictObject(raciTaskFields).partial();
/** Input of updateRaciTask. */
export type RaciTaskPatch = z.input<typeof raciTaskPatchSchema>;

/** Input of addAction. */
export const newActionSchema = z.strictObject({
	title: titleSchema,
	owner: personRefSchema.default(''),
	due: dateSchema.default(''),
	status: actionFields.status.default('todo'),
	source: actionFields.source.default(''),
	decision: decisionRefSchema.default('')
});
/** Input of addAction. */
export type NewActionInput = z.input<typeof newActionSchema>;
/** Input of updateAction. */
export const actionPatchSchema = z.strictObject(actionFields).partial();
/** Input of updateAction. */
export type ActionPatch = z.input<typeof actionPatchSchema>;

/** Input of addDecision; a new decision is proposed until someone marks it decided. */
export const newDecisionSchema = z.strictObject({
	title: titleSchema,
	status: decisionFields.status.default('proposed'),
	decidedOn: dateSchema.default(''),
	owner: personRefSchema.default(''),
	consulted: consultedSchema.default([])
});
/** Input of addDecision. */
export type NewDecisionInput = z.input<typeof newDecisionSchema>;
/** Input of updateDecision; its texts are edited through their Y.XmlTexts, never replaced. */
export const decisionPatchSchema = z.strictObject(decisionFields).partial();
/** Input of updateDecision. */
export type DecisionPatch = z.input<typeof decisionPatchSchema>;

/** Options of the commands that stamp `createdAt`. */
export const createOptionsSchema = z.strictObject({ now: timestampSchema.optional() });
/** Options of the commands that stamp `createdAt`; `now` makes tests deterministic. */
export type CreateOptions = z.input<typeof createOptionsSchema>;

/** A target position in a sorted list. */
export const moveIndexSchema = z.number().int().nonnegative();

/** Options of initBoard. */
export const initBoardOptionsSchema = z.strictObject({
	title: titleSchema.optional(),
	now: timestampSchema.optional(),
	retroFormat: z.enum(RETRO_FORMATS).optional(),
	facilitator: userIdSchema.optional()
});
/** Options of initBoard and createBoard. */
export type InitBoardOptions = z.input<typeof initBoardOptionsSchema>;
