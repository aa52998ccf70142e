import type * as z from 'zod';
import { InvalidInputError } from './errors.ts';

/** Parses a command's input, turning a zod failure into the InvalidInputError callers catch. */
export function parseInput<Schema extends z.ZodType>(
	command: string,
	schema: Schema,
	input: unknown
): z.output<Schema> {
	const result = schema.safeParse(input);
	if (!result.success) throw new InvalidInputError(command, result.error.issues);
	return result.data;
}
