/** Public API of the board document: schema, creation, commands (every write) and reads. */
export * from './schema.ts';
export * from './ids.ts';
export * from './order.ts';
export * from './errors.ts';
export * from './doc.ts';
export * from './commands.ts';
export * from './read.ts';
