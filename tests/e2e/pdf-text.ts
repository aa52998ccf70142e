import { inflateSync } from 'node:zlib';

/**
 * The text Chromium printed into a PDF, page by page. Chromium (Skia) writes text as 2-byte
 * glyph ids of subset Type0 fonts inside compressed content streams, so reading it means what a
 * PDF reader does: inflate each page's content, follow its `Tf` font switches and decode every
 * `Tj`/`TJ` string through that font's ToUnicode map. Text objects (BT…ET) are separated by a
 * newline; ligatures are split back into letters. Enough for Chromium's own output; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string[] {
	const objects = readObjects(pdf);
	const cmaps = new Map<string, Map<string, string>>();
	const cmapOf = (fontId: string) => {
		if (!cmaps.has(fontId)) {
			const unicodeRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontId)?.dict ?? '')?.[1];
			const stream = unicodeRef ? objects.get(unicodeRef)?.stream : undefined;
			cmaps.set(fontId, stream ? parseCMap(stream.toString('latin1')) : new Map());
		}
		return cmaps.get(fontId)!;
	};
	const pageIds = [...objects].filter(([, object]) => /\/Type \/Page\b/.test(object.dict));
	return pageIds.map(([, page]) => {
		const fonts = new Map(
			[...(/\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map(
				(match) => [match[1]!, match[2]!]
			)
		);
		const contentIds = [
			...(/\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)
		];
		return contentIds
			.map(([, id]) => objects.get(id!)?.stream?.toString('latin1') ?? '')
			.map((content) => showText(content, (name) => cmapOf(fonts.get(name) ?? '')))
			.join('\n')
			.normalize('NFKC'); // Chromium prints ligatures (ﬁ, ﬀ) as one glyph.
	});
}

interface PdfObject {
	dict: string;
	stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<string, PdfObject> {
	const text = pdf.toString('latin1');
	const objects = new Map<string, PdfObject>();
	for (const match of text.matchAll(/(\d+) 0 obj\s*<<(.*?)>>\s*(stream\r?\n|endobj)/gs)) {
		const [whole, id, dict, tail] = match as unknown as [string, string, string, string];
		if (tail === 'endobj') {
			objects.set(id, { dict });
			continue;
		}
		const start = match.index! + whole.length;
		const raw = pdf.subarray(start, text.indexOf('endstream', start));
		objects.set(id, { dict, stream: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
	}
	return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text, from its bfchar and bfrange sections. */
function parseCMap(cmap: string): Map<string, string> {
	const map = new Map<string, string>();
	const utf16 = (hex: string) =>
		String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
	for (const block of cmap.matchAll(/beginbfchar(.*?)endbfchar/gs)) {
		for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
			map.set(code!.toUpperCase(), utf16(text!));
	}
	for (const block of cmap.matchAll(/beginbfrange(.*?)endbfrange/gs)) {
		for (const [, from, to, text] of block[1]!.matchAll(
			/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g
		)) {
			const first = parseInt(from!, 16);
			const base = parseInt(text!, 16);
			for (let code = first; code <= parseInt(to!, 16); code++) {
				const key = code.toString(16).toUpperCase().padStart(from!.length, '0');
				map.set(key, String.fromCharCode(base + code - first));
			}
		}
	}
	return map;
}

/** The text a content stream shows, decoding each string with the font in effect. */
function showText(content: string, cmapFor: (fontName: string) => Map<string, string>): string {
	let cmap = new Map<string, string>();
	let out = '';
	const tokens = /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g;
	for (const [token, fontName, hex] of content.matchAll(tokens)) {
		if (fontName !== undefined) cmap = cmapFor(fontName);
		else if (hex !== undefined)
			out += (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(code.toUpperCase()) ?? '').join('');
		else if (token === 'ET') out += '\n';
	}
	return out;
}
