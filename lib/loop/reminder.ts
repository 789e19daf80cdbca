// The opt-in next-morning reminder: "How is your knee this morning?" the morning after a check-in
// that still waits for its next-morning answer. The time is pure (reminderAt); the background
// wires it to `alarms` (re-created at every start-up) and, only when the runner granted the
// optional `notifications` permission from a click, shows one notification.
import type { Diary } from '../diary/schema';

export const REMINDER_ALARM = 'morning-check-in';
export const REMINDER_KEY = 'morning-reminder';
/** Local hour of the reminder: early enough to ask before the day's run, late enough to have got up. */
export const REMINDER_HOUR = 8;

export function isReminderOn(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { enabled?: unknown }).enabled === true;
}

/**
 * When to remind (epoch ms), or null: the latest check-in has no next-morning answer, and the
 * morning after it (REMINDER_HOUR local time) is still ahead, or passed less than 12 hours ago
 * (the browser was closed at 8: remind at start-up instead).
 */
export function reminderAt(diary: Pick<Diary, 'checkIns'>, enabled: boolean, now: Date): number | null {
  if (!enabled) return null;
  const last = diary.checkIns.at(-1);
  if (!last || last.nextMorning !== undefined) return null;
  const [y, m, d] = last.date.split('-').map(Number) as [number, number, number];
  const morning = new Date(y, m - 1, d + 1, REMINDER_HOUR, 0, 0, 0).getTime();
  if (!Number.isFinite(morning)) return null;
  if (morning >= now.getTime()) return morning;
  return now.getTime() - morning < 12 * 3_600_000 ? now.getTime() + 60_000 : null;
}
