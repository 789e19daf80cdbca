// WXT's fake browser has no permissions API: install a small in-memory one for UI tests
// (the real registration logic is tested against its own fakes in tests/unit/permissions).
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** `granted` is live: tests may push to it. Listeners are accepted and never called. */
export function installFakePermissions(granted: string[] = []): void {
  fakeBrowser.permissions.getAll = (async () => ({ origins: [...granted], permissions: [] })) as never;
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    event.addListener = () => undefined;
    event.removeListener = () => undefined;
  }
}
