// The engine and the result screen load after the first screen has painted: the popup opens on
// Preact and the questions alone, and the engine (the largest part) arrives while the runner reads
// the warning signs. Both are files inside the extension; nothing is fetched from elsewhere.
export type Later = typeof import('./later');

let later: Promise<Later> | null = null;

export function loadLater(): Promise<Later> {
  later ??= import('./later');
  return later;
}
