/**
 * `npx tsx bench/export-figures.ts` — how long exports and an import of the large board take
 * (1,000 risks, 30 people, 40 RACI tasks, 20 rich-text fields) and how big the files are,
 * medians of 7 runs in this process.
 */
import * as Y from 'yjs';
import { readBoardImport, writeImportedBoard } from '../src/lib/board/export/board-import.ts';
import { boardJsonText } from '../src/lib/board/export/board-json.ts';
import { boardCsv } from '../src/lib/board/export/csv.ts';
import { boardMarkdown } from '../src/lib/board/export/markdown.ts';
import { LARGE_BOARD, buildLargeBoard } from './fixtures/large-board.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';

function median<T>(run: () => T, times = 7): { ms: number; result: T } {
	const durations: number[] = [];
	let result = run();
	for (let i = 0; i < times; i++) {
		const start = performance.now();
		result = run();
		durations.push(performance.now() - start);
	}
	durations.sort((a, b) => a - b);
	return { ms: durations[Math.floor(times / 2)]!, result };
}

const doc = buildLargeBoard(LARGE_BOARD, await createRichTextWriter());
const json = median(() => boardJsonText(doc));
const read = median(() => readBoardImport(json.result));
if (!read.result.ok) throw new Error(read.result.errors.join('\n'));
const board = read.result.board;
const write = median(() => {
	const copy = new Y.Doc();
	writeImportedBoard(copy, board);
	return Y.encodeStateAsUpdate(copy).byteLength;
});
const markdown = median(() => boardMarkdown(doc, '2026-01-01'));
const csv = median(() => boardCsv(doc, 'risks'));
const bytes = (text: string) => Buffer.byteLength(text).toLocaleString('en');
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log('Large board, medians of 7:');
console.log(`  JSON export      ${ms(json.ms)}  ${bytes(json.result)} bytes`);
console.log(`  import: validate ${ms(read.ms)}`);
console.log(
	`  import: write    ${ms(write.ms)}  ${write.result.toLocaleString('en')} bytes of Yjs state ` +
		`(the original: ${Y.encodeStateAsUpdate(doc).byteLength.toLocaleString('en')})`
);
console.log(`  Markdown export  ${ms(markdown.ms)}  ${bytes(markdown.result)} bytes`);
console.log(`  risks CSV        ${ms(csv.ms)}  ${bytes(csv.result)} bytes`);
// jsdom (the rich-text writer's) keeps timers alive.
process.exit(0);
