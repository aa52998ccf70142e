/**
 * Hocuspocus 3.4.4 as a peer server: in memory, or with its SQLite extension when
 * HOCUSPOCUS_SQLITE names a database file. Run: node --import tsx hocuspocus-server.ts (HOST and
 * PORT from the environment).
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.HOCUSPOCUS_SQLITE;
const server = new Server({
	port: Number(process.env.PORT ?? 0),
	address: process.env.HOST ?? '127.0.0.1',
	quiet: true,
	extensions: database ? [new SQLite({ database })] : []
});
await server.listen();
