import * as z from 'zod';
import { VERSION_ID_PATTERN } from '../board/ids.ts';
import { CONTROL_CHARACTERS } from '../board/schema.ts';

/** Longest label a saved version may have. */
export const MAX_VERSION_LABEL = 100;

/** Label of the checkpoints the server makes on its own. */
export const AUTOMATIC_CHECKPOINT_LABEL = 'Automatic checkpoint';

const noControlCharacters = { error: 'must not contain control characters' };

/** A version's label: trimmed, 1–100 characters, no control characters. */
export const versionLabelSchema = z
	.string({ error: 'expected a text' })
	.trim()
	.min(1, { error: 'must not be empty' })
	.max(MAX_VERSION_LABEL, { error: `must be at most ${MAX_VERSION_LABEL} characters` })
	.refine((text) => !CONTROL_CHARACTERS.test(text), noControlCharacters);

/** A saved version's id: 21 base64url characters. */
export const versionIdSchema = z
	.string()
	.regex(VERSION_ID_PATTERN, 'expected a 21-character version id');

/** Body of `POST /api/boards/<id>/versions`. */
export const newVersionBodySchema = z.strictObject({
	label: versionLabelSchema,
	/** The display name of who saves it; optional, since a person may not have named themselves. */
	createdBy: versionLabelSchema.optional()
});
/** Body of `POST /api/boards/<id>/versions`. */
export type NewVersionBody = z.input<typeof newVersionBodySchema>;

/** A saved version as the API lists it (the Store's VersionInfo). */
export const versionInfoSchema = z.object({
	id: versionIdSchema,
	label: z.string(),
	kind: z.enum(['manual', 'auto']),
	createdAt: z.number(),
	createdBy: z.string().nullable(),
	bytes: z.number().int().nonnegative()
});
/** A saved version as the API lists it. */
export type Version = z.output<typeof versionInfoSchema>;

/** The version list answered by `GET /api/boards/<id>/versions`. */
export const versionListSchema = z.object({ versions: z.array(versionInfoSchema) });

/** One line per issue, path first: "label: must not be empty". */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const path = issue.path.map(String).join('.');
			return path ? `${path}: ${issue.message}` : issue.message;
		})
		.join('; ');
}
