/** Public API of the board document: schema, creation, commands (every write) and reads. */
export * from './schema.ts';
export * from './ids.ts';
export * from './order.ts';
export * from './errors.ts';
export * from './doc.ts';
export * from './commands.ts';
export * from './decisions.ts';
export * from './dependencies.ts';
export * from './dependency-commands.ts';
export * from './budget.ts';
export * from './read.ts';
export * from './text.ts';
export * from './text-change.ts';
export * from './text-fields.ts';
export * from './text-commands.ts';
export * from './migrate.ts';
export * from './board-sections.ts';
