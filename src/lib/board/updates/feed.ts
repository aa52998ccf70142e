import { emptyBasis, readBasis, type UpdateBasis } from './basis.ts';
import type { StatusUpdate } from './model.ts';

/** A published update: its publication time is known. */
export type PublishedUpdate = StatusUpdate & { state: 'published'; publishedAt: number };

/** Whether an update is published (and so frozen). */
export function isPublished(update: StatusUpdate): update is PublishedUpdate {
	return update.state === 'published' && update.publishedAt !== null;
}

/** The published updates, newest first (ties by id, so every peer lists them alike). */
export function publishedFeed(updates: readonly StatusUpdate[]): PublishedUpdate[] {
	return updates
		.filter(isPublished)
		.sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The drafts, in the order they were started. */
export function draftUpdates(updates: readonly StatusUpdate[]): StatusUpdate[] {
	return updates.filter((update) => update.state === 'draft');
}

/** The latest published update, or null before the first. */
export function latestPublished(updates: readonly StatusUpdate[]): PublishedUpdate | null {
	return publishedFeed(updates)[0] ?? null;
}

/** What a new update's facts are drafted against, and what it was. */
export type DraftingBasis =
	| { readonly from: 'previous'; readonly basis: UpdateBasis; readonly update: PublishedUpdate }
	| { readonly from: 'baseline'; readonly basis: UpdateBasis }
	| { readonly from: 'empty'; readonly basis: UpdateBasis };

/**
 * The basis a new update is drafted from: the latest published update's (when it parses), else
 * the kickoff baseline's board, else an empty board taken on `day`.
 */
export function draftingBasis(
	updates: readonly StatusUpdate[],
	baseline: UpdateBasis | null,
	day: string
): DraftingBasis {
	for (const update of publishedFeed(updates)) {
		const basis = readBasis(update.basis);
		if (basis) return { from: 'previous', basis, update };
	}
	if (baseline) return { from: 'baseline', basis: baseline };
	return { from: 'empty', basis: emptyBasis(day) };
}
