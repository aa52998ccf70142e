import * as z from 'zod';
import { versionIdSchema, versionLabelSchema } from '../board/schema.ts';

export { MAX_VERSION_LABEL, versionIdSchema, versionLabelSchema } from '../board/schema.ts';

/** Label of the checkpoints the server makes on its own. */
export const AUTOMATIC_CHECKPOINT_LABEL = 'Automatic checkpoint';

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
