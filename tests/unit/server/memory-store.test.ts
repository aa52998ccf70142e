import { MemoryData, MemoryStore } from '../../helpers/memory-store.ts';
import { storeContract } from '../../server/store-contract.ts';

// The room's unit tests stand on this store: it must behave as the real ones do.
storeContract('in memory (the unit tests’ store)', async () => {
	const data = new MemoryData();
	return {
		store: new MemoryStore(data),
		reopen: async () => new MemoryStore(data),
		openAnother: async () => new MemoryStore(data),
		dispose: async () => {}
	};
});
