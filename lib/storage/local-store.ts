// The backend this build keeps its values in (./backend.ts). Every stored value goes through here:
// the versioned items (./versioned.ts) and the few direct readers (the popup's settings and runs,
// the reminder, the toolbar badge).
// - Chrome: storage.local, closed to content scripts by its access level
//   (lib/background/content-channel).
// - Firefox, which cannot close storage.local to content scripts (Mozilla bug 1724754):
//   IndexedDB in the extension's own origin (./idb.ts), which a content script cannot open; the
//   values move there once from storage.local. The branch is decided at build time, so each
//   build carries only its own backend.
import { browser } from '#imports';
import { storageAreaBackend, type StorageAreaLike, type StorageBackend } from './backend';
import { createIdbBackend, runtimeMessenger, type RuntimeLike } from './idb';

const storageLocal = () => browser.storage.local as unknown as StorageAreaLike;

export const localStore: StorageBackend = import.meta.env.FIREFOX
  ? createIdbBackend({
      indexedDB: () => indexedDB,
      legacy: storageLocal,
      messenger: runtimeMessenger(() => browser.runtime as unknown as RuntimeLike),
      // The extension's own console only.
      warn: (message) => console.warn(message),
    })
  : storageAreaBackend(storageLocal);
