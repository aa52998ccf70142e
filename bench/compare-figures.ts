/**
 * npx tsx bench/compare-figures.ts — what versions cost on the large board (1,000 risks, 30
 * people, 40 RACI tasks, 20 rich-text fields): the size of one saved version, and how long one
 * comparison with a changed board takes (the "Changes since baseline" view recomputes it after
 * each change of the live board). Measured, never asserted: it prints figures.
 */
import * as Y from 'yjs';
import {
	boardSnapshot,
	compareBoards,
	compareSnapshots,
	countChanges
} from '../src/lib/board/diff/compare.ts';
import {
	readRisks,
	setRaciCell,
	readRaciTasks,
	readPeople,
	updateRisk
} from '../src/lib/board/index.ts';
import { buildLargeBoard, LARGE_BOARD } from './fixtures/large-board.ts';
import { createRichTextWriter } from './fixtures/rich-text-writer.ts';

const RUNS = 9;

const board = buildLargeBoard(LARGE_BOARD, await createRichTextWriter());
const version = Y.encodeStateAsUpdate(board);
const baseline = new Y.Doc();
Y.applyUpdate(baseline, version);

// Some fifty re-scored risks and ten RACI cells: a busy week after the kickoff.
const risks = readRisks(board).items;
for (let i = 0; i < risks.length; i += 20) {
	updateRisk(board, risks[i]!.id, { likelihood: (risks[i]!.likelihood % 5) + 1 });
}
const [task] = readRaciTasks(board).items;
for (const person of readPeople(board).items.slice(0, 10))
	setRaciCell(board, task!.id, person.id, null);

/** Median and fastest time of `compare` over RUNS runs, and the changes it found. */
function measure(compare: () => number): { median: number; fastest: number; changes: number } {
	const times: number[] = [];
	let changes = 0;
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		changes = compare();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { median: times[RUNS >> 1]!, fastest: times[0]!, changes };
}

const whole = measure(() => countChanges(compareBoards(baseline, board)));
// The live view reads the version once and only the live board after each change.
const versionSnapshot = boardSnapshot(baseline);
const live = measure(() => countChanges(compareSnapshots(versionSnapshot, boardSnapshot(board))));
const line = (what: string, { median, fastest, changes }: ReturnType<typeof measure>) =>
	`${what} (${changes} changes): median ${median.toFixed(1)} ms, fastest ${fastest.toFixed(1)} ms over ${RUNS} runs`;
console.log(`version of the large board: ${version.length.toLocaleString('en')} bytes`);
console.log(line('compare two states', whole));
console.log(line('refresh of a live comparison', live));
