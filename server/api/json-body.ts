import type { IncomingMessage } from 'node:http';

/** Why a request body could not be read as JSON; `status` is the HTTP answer to give. */
export class RequestBodyError extends Error {
	override name = 'RequestBodyError';
	constructor(
		message: string,
		readonly status: 400 | 413 | 415
	) {
		super(message);
	}
}

/**
 * Reads a small JSON request body, stopping as soon as it passes `maxBytes` so an oversized
 * body costs no more than that. Throws RequestBodyError naming what is wrong.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
	const type = req.headers['content-type'] ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new RequestBodyError('expected a JSON body (Content-Type: application/json)', 415);
	}
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBytes) throw tooLarge(maxBytes);
		chunks.push(chunk);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
	} catch {
		throw new RequestBodyError('the body is not valid JSON', 400);
	}
}

function tooLarge(maxBytes: number): RequestBodyError {
	return new RequestBodyError(`the body is larger than ${maxBytes} bytes`, 413);
}
