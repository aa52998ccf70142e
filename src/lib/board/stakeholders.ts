import * as z from 'zod';
import { CONTROL_CHARACTERS, TEXT_LIMITS } from './fields.ts';
import { COMMS_CHANNEL_SHAPE, storedText } from './text.ts';

/**
 * Stakeholder fields of a person (the people collection's entries): where they sit on the
 * power/interest grid, their attitude to the project, and how and how often they are informed.
 * Each is a plain value on the person's Y.Map, absent until someone sets it: a person written
 * before the map existed reads as not placed. The channel is a plain text field (text.ts), a
 * Y.Text made with the person, so two people typing into it at once both keep what they typed;
 * empty, it reads as not set.
 */

/** Bounds of influence and interest, the axes of the 5 × 5 power/interest grid. */
export const STAKEHOLDER_SCALE = { min: 1, max: 5 } as const;

/** Attitudes to the project, most favourable first. */
export const STAKEHOLDER_ATTITUDES = [
	'champion',
	'supporter',
	'neutral',
	'sceptic',
	'blocker'
] as const;
/** An attitude to the project. */
export type StakeholderAttitude = (typeof STAKEHOLDER_ATTITUDES)[number];

/** Attitudes as people read them. */
export const ATTITUDE_LABELS: Readonly<Record<StakeholderAttitude, string>> = {
	champion: 'Champion',
	supporter: 'Supporter',
	neutral: 'Neutral',
	sceptic: 'Sceptic',
	blocker: 'Blocker'
};

/** How often a stakeholder is informed. */
export const COMMS_FREQUENCIES = [
	'daily',
	'weekly',
	'fortnightly',
	'monthly',
	'quarterly',
	'as-needed'
] as const;
/** How often a stakeholder is informed. */
export type CommsFrequency = (typeof COMMS_FREQUENCIES)[number];

/** Frequencies as people read them. */
export const FREQUENCY_LABELS: Readonly<Record<CommsFrequency, string>> = {
	daily: 'Daily',
	weekly: 'Weekly',
	fortnightly: 'Fortnightly',
	monthly: 'Monthly',
	quarterly: 'Quarterly',
	'as-needed': 'As needed'
};

/** The longest communications channel the board keeps. */
export const MAX_COMMS_CHANNEL = TEXT_LIMITS.commsChannel;

const scaleMessage = `expected ${STAKEHOLDER_SCALE.min}–${STAKEHOLDER_SCALE.max}`;
/** An influence or interest score. */
export const stakeholderScoreSchema = z
	.number({ error: `${scaleMessage} (a whole number)` })
	.int({ error: scaleMessage })
	.min(STAKEHOLDER_SCALE.min, { error: scaleMessage })
	.max(STAKEHOLDER_SCALE.max, { error: scaleMessage });

/** How a stakeholder is informed, e.g. "Weekly e-mail update": one line, at most 200 characters. */
export const commsChannelSchema = z
	.string()
	.trim()
	.max(MAX_COMMS_CHANNEL)
	.refine((text) => !CONTROL_CHARACTERS.test(text), {
		error: 'Must not contain control characters'
	});

/** The stakeholder fields with their valid values, as a command or an import takes them. */
export const STAKEHOLDER_FIELDS = {
	influence: stakeholderScoreSchema,
	interest: stakeholderScoreSchema,
	attitude: z.enum(STAKEHOLDER_ATTITUDES),
	commsChannel: commsChannelSchema,
	commsFrequency: z.enum(COMMS_FREQUENCIES)
} as const;

/** A person's stakeholder fields, as read. */
export interface Stakeholder {
	influence?: number;
	interest?: number;
	attitude?: StakeholderAttitude;
	commsChannel?: string;
	commsFrequency?: CommsFrequency;
}

/**
 * The stakeholder fields as readers take them: each optional, and a value a peer wrote that
 * does not parse reads as absent, so it hides only itself and never the person.
 */
export const storedStakeholderFields = {
	influence: STAKEHOLDER_FIELDS.influence.optional().catch(undefined),
	interest: STAKEHOLDER_FIELDS.interest.optional().catch(undefined),
	attitude: STAKEHOLDER_FIELDS.attitude.optional().catch(undefined),
	commsChannel: storedText(commsChannelSchema, COMMS_CHANNEL_SHAPE)
		.transform((channel) => channel || undefined)
		.catch(undefined)
		.optional(),
	commsFrequency: STAKEHOLDER_FIELDS.commsFrequency.optional().catch(undefined)
};

/** The fields as the JSON import takes them: each optional, a bad value refused. */
export const stakeholderImportFields = {
	influence: STAKEHOLDER_FIELDS.influence.optional(),
	interest: STAKEHOLDER_FIELDS.interest.optional(),
	attitude: STAKEHOLDER_FIELDS.attitude.optional(),
	commsChannel: STAKEHOLDER_FIELDS.commsChannel.optional(),
	commsFrequency: STAKEHOLDER_FIELDS.commsFrequency.optional()
};

/** Input of updateStakeholder: each field optional; null takes it away (unplaces, clears). */
export const stakeholderPatchSchema = z.strictObject({
	influence: STAKEHOLDER_FIELDS.influence.nullable().optional(),
	interest: STAKEHOLDER_FIELDS.interest.nullable().optional(),
	attitude: STAKEHOLDER_FIELDS.attitude.nullable().optional(),
	commsChannel: STAKEHOLDER_FIELDS.commsChannel.nullable().optional(),
	commsFrequency: STAKEHOLDER_FIELDS.commsFrequency.nullable().optional()
});
/** Input of updateStakeholder. */
export type StakeholderPatch = z.input<typeof stakeholderPatchSchema>;
