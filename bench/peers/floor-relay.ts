/**
 * The floor: a raw websocket relay with no Yjs and no storage. Every binary message is sent, as
 * the same buffer, to every other socket on the same path. What it costs per delivered message is
 * the least any sync server can cost on this machine. Run: node --import tsx floor-relay.ts
 * (HOST and PORT from the environment).
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (socket, req) => {
	const name = req.url ?? '/';
	let room = rooms.get(name);
	if (!room) rooms.set(name, (room = new Set()));
	const peers = room;
	peers.add(socket);
	socket.on('message', (data, isBinary) => {
		for (const peer of peers) if (peer !== socket) peer.send(data, { binary: isBinary });
	});
	socket.on('close', () => {
		peers.delete(socket);
		if (peers.size === 0) rooms.delete(name);
	});
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
