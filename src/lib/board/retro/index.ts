/** The retrospective: its extra document keys, rules, commands, derived views and summary. */
export * from './errors.ts';
export * from './model.ts';
export * from './phases.ts';
export * from './settings.ts';
export * from './facilitation.ts';
export * from './columns.ts';
export * from './cards.ts';
export * from './groups.ts';
export * from './votes.ts';
export * from './drafts.ts';
export * from './summary.ts';
export * from './carry-over.ts';
export * from './away-writers.ts';
