import type * as Y from 'yjs';
import { markdownText } from '../retro/summary.ts';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVELS } from '../views/risk-bands.ts';
import { heatMapCaption, heatMapTotal } from '../views/risk-heat-map.ts';
import { affectsLine, type DocumentRiskRegister } from './risk-document.ts';
import {
	BOARD_KIND_LABELS,
	readBoardDocument,
	type BoardDocumentModel,
	type DocumentRetro
} from './board-document.ts';
import { decisionsMarkdown } from './decision-document.ts';
import { budgetMarkdown } from './budget-document.ts';
import { stakeholdersMarkdown } from './stakeholder-document.ts';
import { resourcesMarkdown } from './resource-document.ts';
import { richTextMarkdown, richTextPlain } from './markdown-rich-text.ts';
import { statusUpdatesMarkdown } from '../updates/update-export.ts';

/**
 * The whole board as a Markdown document to paste into a wiki or an email: the charter's
 * sections, people, milestones, risks by score with the heat map as a table, the RACI table with
 * its checks, actions (and a retro's columns, groups and votes). User text is escaped: it reads
 * as written and never turns into markup. `today` (YYYY-MM-DD) is the export date it names.
 */
export function boardMarkdown(doc: Y.Doc, today: string): string {
	const board = readBoardDocument(doc);
	const isRetro = board.meta?.kind === 'retro';
	const kind = board.meta ? BOARD_KIND_LABELS[board.meta.kind] : 'Board';
	const parts = [`# ${markdownText(board.title)}`, `${kind} · exported ${today}`];
	if (isRetro && board.retro) parts.push(retroMarkdown(board.retro));
	if (!isRetro || board.sections.some((section) => section.blocks.length > 0))
		parts.push(charterMarkdown(board));
	if (!isRetro || board.people.length > 0) parts.push(peopleMarkdown(board));
	const stakeholders = stakeholdersMarkdown(board.stakeholders, markdownTable);
	if (stakeholders) parts.push(stakeholders);
	if (!isRetro || board.milestones.length > 0) parts.push(milestonesMarkdown(board));
	if (!isRetro || board.risks.length > 0) parts.push(risksMarkdown(board));
	if (!isRetro || board.raci.rows.length > 0) parts.push(raciMarkdown(board));
	parts.push(actionsMarkdown(board));
	if (!isRetro || board.decisions.length > 0) parts.push(decisionsMarkdown(board.decisions));
	if (board.budget.lines.length > 0) parts.push(budgetMarkdown(board.budget, markdownTable));
	if (!isRetro || board.resources.cells > 0)
		parts.push(resourcesMarkdown(board.resources, markdownTable));
	const updates = statusUpdatesMarkdown(doc);
	if (updates) parts.push(updates);
	return `${parts.join('\n\n')}\n`;
}

/** A Markdown table; every cell is user text made inert (one line, pipes escaped). */
export function markdownTable(
	header: readonly string[],
	rows: readonly (readonly string[])[]
): string {
	const line = (cells: readonly string[]) =>
		`| ${cells.map((cell) => markdownText(cell) || ' ').join(' | ')} |`;
	return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

const dash = (text: string) => text || '—';

function charterMarkdown(board: BoardDocumentModel): string {
	const sections = board.sections.map((section) => {
		const body = richTextMarkdown(section.blocks, 4);
		return `### ${section.label}\n\n${body || '_Nothing written yet._'}`;
	});
	return ['## Charter', ...sections].join('\n\n');
}

function peopleMarkdown(board: BoardDocumentModel): string {
	if (board.people.length === 0) return '## People\n\n_No people listed._';
	const rows = board.people.map((person) => [person.name, dash(person.role)]);
	return `## People\n\n${markdownTable(['Name', 'Role'], rows)}`;
}

function milestonesMarkdown(board: BoardDocumentModel): string {
	if (board.milestones.length === 0) return '## Milestones\n\n_No milestones planned._';
	const rows = board.milestones.map(({ milestone, owner, status, dependsOn, problems }) => [
		milestone.title,
		dash(milestone.due),
		dash(owner),
		status,
		dash(dependsOn.join(', ')),
		problems.length === 0 ? '' : `⚠ ${problems.join('; ')}`
	]);
	const header = ['Milestone', 'Due', 'Owner', 'Status', 'Depends on', 'Checks'];
	const loops = board.dependencyLoops.map((loop) => `\n\n_⚠ ${markdownText(loop)}._`).join('');
	return `## Milestones\n\n${markdownTable(header, rows)}${loops}`;
}

function risksMarkdown(board: BoardDocumentModel): string {
	const header = [
		'Likelihood \\ Impact',
		...RISK_LEVELS.map((impact) => `${impact} ${IMPACT_LABELS[impact]}`)
	];
	const heatRows = board.heatMap.map((row) => [
		`${row[0]!.likelihood} ${LIKELIHOOD_LABELS[row[0]!.likelihood]}`,
		...row.map((cell) => `${cell.count} · ${cell.band.label}`)
	]);
	const heatMap = `### Heat map\n\n${markdownTable(header, heatRows)}\n\n_${heatMapCaption(heatMapTotal(board.heatMap))}_`;
	if (board.risks.length === 0)
		return `## Risks\n\n${heatMap}\n\n### Register\n\n_No risks recorded._`;
	const rows = board.risks.map((entry) => [
		`${entry.register.label} ${entry.risk.title}`,
		`${entry.score} ${entry.band.label}`,
		`${entry.risk.likelihood} × ${entry.risk.impact}`,
		dash(entry.owner),
		entry.status,
		dash(entry.risk.due),
		dash(richTextPlain(entry.mitigation)),
		...riskRegisterCells(entry.register)
	]);
	const register = markdownTable(
		['Risk', 'Score', 'L × I', 'Owner', 'Status', 'Due', 'Mitigation', ...RISK_REGISTER_HEADERS],
		rows
	);
	return `## Risks\n\n${heatMap}\n\n### Register (by score, highest first)\n\n${register}`;
}

const RISK_REGISTER_HEADERS = ['Category', 'Response', 'Trigger', 'Review', 'Residual', 'Affects'];

function riskRegisterCells(register: DocumentRiskRegister): string[] {
	return [
		dash(register.category),
		dash(register.response),
		dash(register.trigger),
		dash(register.reviewDate),
		register.residual,
		dash(affectsLine(register))
	];
}

function raciMarkdown(board: BoardDocumentModel): string {
	const { people, rows } = board.raci;
	if (rows.length === 0) return '## RACI\n\n_No RACI tasks recorded._';
	const table = markdownTable(
		['Task', ...people.map((person) => person.name), 'Checks'],
		rows.map((row) => [
			row.task.title,
			...row.letters,
			row.problems.length === 0 ? 'OK' : `⚠ ${row.problems.join('; ')}`
		])
	);
	const failing = rows.filter((row) => row.problems.length > 0).length;
	const verdict =
		failing === 0
			? 'Every task has exactly one Accountable and at least one Responsible.'
			: `${failing} of ${rows.length} tasks fail a check.`;
	return `## RACI\n\n${table}\n\n_R = Responsible, A = Accountable, C = Consulted, I = Informed. ${verdict}_`;
}

function actionsMarkdown(board: BoardDocumentModel): string {
	if (board.actions.length === 0) return '## Actions\n\n_No actions._';
	const rows = board.actions.map(({ action, owner, status }) => [
		action.title,
		dash(owner),
		dash(action.due),
		status
	]);
	return `## Actions\n\n${markdownTable(['Action', 'Owner', 'Due', 'Status'], rows)}`;
}

function retroMarkdown(retro: DocumentRetro): string {
	const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
	const columns = retro.columns.map(({ column, groups }) => {
		const lines = groups.flatMap(({ group, votes }) => {
			const voteText = votes > 0 ? ` — ${plural(votes, 'vote')}` : '';
			if (group.cards.length === 1) return [`- ${markdownText(group.cards[0]!.text)}${voteText}`];
			const name = `**${markdownText(group.name || 'Unnamed group')}**`;
			return [
				`- ${name}${voteText}`,
				...group.cards.map((card) => `   - ${markdownText(card.text)}`)
			];
		});
		return `### ${markdownText(column.title)}\n\n${lines.join('\n') || '_No cards._'}`;
	});
	const summary = `${plural(retro.cards, 'card')} · ${plural(retro.votes, 'vote')}`;
	return ['## Retrospective', summary, ...columns].join('\n\n');
}
