// lib/diary: the knee diary (check-ins, episodes, past results, "Your knee"), validated and kept in
// storage.local. Shared by the popup, the options page and the clinician summary page.
export * from './schema';
export * from './diary';
export { DIARY_KEY, DIARY_CORRUPT_KEY, forgetDiary, loadDiary, replaceDiary, updateDiary } from './storage';
export type { LoadedDiary } from './storage';
