// The backend this build keeps its values in (./backend.ts). Every stored value goes through here:
// the versioned items (./versioned.ts) and the few direct readers (the popup's settings and runs,
// the reminder, the toolbar badge). Firefox's IndexedDB backend (./idb.ts) is written and unit
// tested but not switched on yet: it needs the Firefox end-to-end run first (issue 14).
import { browser } from '#imports';
import { storageAreaBackend, type StorageAreaLike, type StorageBackend } from './backend';

export const localStore: StorageBackend = storageAreaBackend(() => browser.storage.local as unknown as StorageAreaLike);
