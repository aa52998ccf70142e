import type * as Y from 'yjs';
import { CHARTER_SECTIONS, CHARTER_SECTION_LABELS, type CharterSection } from '../doc.ts';
import { raciCellKey } from '../read.ts';
import { readBoard, type BoardRead } from '../read-board.ts';
import { buildGroups, type RetroGroup } from '../retro/groups.ts';
import { rankGroups } from '../retro/summary.ts';
import { tallyVotes } from '../retro/votes.ts';
import type {
	Action,
	BoardMeta,
	Milestone,
	Person,
	RaciTask,
	RaciValue,
	RetroColumn,
	Risk
} from '../schema.ts';
import { ACTION_STATUS_LABELS } from '../views/action-filter.ts';
import { MILESTONE_STATUS_LABELS, sortMilestones } from '../views/milestone-schedule.ts';
import { dependencyWords } from '../views/milestone-dependencies.ts';
import { documentStakeholders, type DocumentStakeholder } from './stakeholder-document.ts';
import { RACI_CHECKS, checkRaciMatrix } from '../views/raci-checks.ts';
import { riskRegisterOf, type DocumentRiskRegister } from './risk-document.ts';
import { countsOnHeatMap, heatMapRows, type HeatCellCount } from '../views/risk-heat-map.ts';
import { RISK_STATUS_LABELS, riskBand, riskScore, type RiskBand } from '../views/risk-bands.ts';
import { documentDecisions, type DocumentDecision } from './decision-document.ts';
import { documentBudget, type DocumentBudget } from './budget-document.ts';
import { documentResources, type DocumentResources } from './resource-document.ts';
import { readRichText } from './rich-text-read.ts';
import type { RichTextBlock } from './rich-text.ts';

/** Board templates as a document's subtitle names them. */
export const BOARD_KIND_LABELS = {
	kickoff: 'Project kickoff',
	retro: 'Retrospective',
	blank: 'Board'
} as const;

/** A charter section with its heading and content. */
export interface DocumentSection {
	readonly section: CharterSection;
	readonly label: string;
	readonly blocks: RichTextBlock[];
}

/** A risk as the document lists it: score, band and owner's name resolved. */
export interface DocumentRisk {
	readonly risk: Risk;
	readonly score: number;
	readonly band: RiskBand;
	readonly owner: string;
	readonly status: string;
	/** Whether the heat map counts it (countsOnHeatMap): every risk but a closed one. */
	readonly onHeatMap: boolean;
	readonly mitigation: RichTextBlock[];
	/** Its number and register fields in words (risk-document.ts). */
	readonly register: DocumentRiskRegister;
}

/** A RACI row with its letters per person (in people order) and what its checks say. */
export interface DocumentRaciRow {
	readonly task: RaciTask;
	readonly letters: (RaciValue | '')[];
	readonly problems: string[];
}

/** The retrospective part of a retro board. */
export interface DocumentRetro {
	readonly columns: { column: RetroColumn; groups: { group: RetroGroup; votes: number }[] }[];
	readonly cards: number;
	readonly votes: number;
	readonly phase: string;
}

/** Everything a printed or exported board shows, read and validated once. */
export interface BoardDocumentModel {
	readonly meta: BoardMeta | null;
	readonly title: string;
	readonly sections: DocumentSection[];
	readonly people: Person[];
	/** The communications plan: people with stakeholder data, their values in words. */
	readonly stakeholders: DocumentStakeholder[];
	/** By due date, undated last; with the titles each depends on and its broken links in words. */
	readonly milestones: {
		milestone: Milestone;
		owner: string;
		status: string;
		dependsOn: string[];
		problems: string[];
	}[];
	/** Dependency links ignored for closing a cycle, in words. */
	readonly dependencyLoops: string[];
	/** Sorted by score (highest first), ties in board order. */
	readonly risks: DocumentRisk[];
	/** Rows likelihood 5 → 1, each impact 1 → 5; counts what countsOnHeatMap counts (not closed). */
	readonly heatMap: HeatCellCount[][];
	readonly raci: { people: Person[]; rows: DocumentRaciRow[] };
	readonly actions: { action: Action; owner: string; status: string }[];
	/** The decision log, in board order. */
	readonly decisions: DocumentDecision[];
	/** The budget: its lines, totals and burn series, in the board's currency. */
	readonly budget: DocumentBudget;
	/** The resource plan: people × months, totals and checks. */
	readonly resources: DocumentResources;
	readonly retro: DocumentRetro | null;
}

/** Reads the whole board into the model every document view and export renders. */
export function readBoardDocument(doc: Y.Doc): BoardDocumentModel {
	const read = readBoard(doc);
	const { meta, people, risks } = read;
	const names = new Map(people.map((person) => [person.id, person.name]));
	const nameOf = (id: string) => names.get(id) ?? '';
	const links = dependencyWords(read.milestones, read.dependencies);
	const registerOf = riskRegisterOf(read);
	return {
		meta,
		title: meta?.title ?? 'Untitled board',
		sections: readSections(read),
		people: [...people],
		stakeholders: documentStakeholders(people),
		milestones: sortMilestones(read.milestones).map((milestone) => ({
			milestone,
			owner: nameOf(milestone.owner),
			status: MILESTONE_STATUS_LABELS[milestone.status],
			dependsOn: links.dependsOn(milestone.id),
			problems: links.problems(milestone.id)
		})),
		dependencyLoops: links.loops,
		risks: risksByScore(risks).map((risk) => ({
			risk,
			score: riskScore(risk),
			band: riskBand(risk),
			owner: nameOf(risk.owner),
			status: RISK_STATUS_LABELS[risk.status],
			onHeatMap: countsOnHeatMap(risk),
			mitigation: readRichText(risk.mitigation),
			register: registerOf(risk)
		})),
		heatMap: heatMapRows(risks),
		raci: readRaciTable(read),
		actions: read.actions.map((action) => ({
			action,
			owner: nameOf(action.owner),
			status: ACTION_STATUS_LABELS[action.status]
		})),
		decisions: documentDecisions(read.decisions, people),
		budget: documentBudget(doc, people, read.milestones),
		resources: documentResources(read),
		retro: meta?.kind === 'retro' ? readRetro(read) : null
	};
}

/** Risks by score, highest first; the sort is stable, so ties keep board order. */
export function risksByScore<R extends Pick<Risk, 'likelihood' | 'impact'>>(
	risks: readonly R[]
): R[] {
	return [...risks].sort((a, b) => riskScore(b) - riskScore(a));
}

function readSections(read: BoardRead): DocumentSection[] {
	return CHARTER_SECTIONS.map((section) => {
		const text = read.charter[section];
		return {
			section,
			label: CHARTER_SECTION_LABELS[section],
			blocks: text ? readRichText(text) : []
		};
	});
}

function readRaciTable({
	people,
	raciTasks: tasks,
	raci: cells
}: BoardRead): BoardDocumentModel['raci'] {
	const report = checkRaciMatrix(tasks, people, cells);
	return {
		people: [...people],
		rows: tasks.map((task) => ({
			task,
			letters: people.map((person) => cells.get(raciCellKey(task.id, person.id)) ?? ''),
			problems: (report.problems.get(task.id) ?? []).map((kind) => RACI_CHECKS[kind].message)
		}))
	};
}

function readRetro(read: BoardRead): DocumentRetro {
	const settings = read.retroSettings;
	const cards = read.retroCards;
	const groups = buildGroups(cards, read.groupNames);
	const leads = new Map(groups.flatMap((group) => group.cards.map((card) => [card.id, group.id])));
	const { totals } = tallyVotes(read.retroVotes, leads, settings?.votesPerPerson ?? 0);
	const columns = read.retroColumns.map((column) => ({
		column,
		groups: rankGroups(
			groups.filter((group) => group.column === column.id),
			totals
		).map((group) => ({ group, votes: totals.get(group.id) ?? 0 }))
	}));
	return {
		columns,
		cards: cards.length,
		votes: [...totals.values()].reduce((sum, votes) => sum + votes, 0),
		phase: settings?.phase ?? 'write'
	};
}
