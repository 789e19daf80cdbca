// The next-morning reminder: when it is due, and the background's alarm and notification.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reminderAt, REMINDER_ALARM, REMINDER_KEY } from '../../../lib/loop/reminder';
import { DIARY_KEY, addCheckIn, emptyDiary } from '../../../lib/diary';

const diaryWith = (date: string, answered = false) => {
  const d = addCheckIn(emptyDiary(), { id: 'a', date, painDuring: 3 });
  return answered ? { ...d, checkIns: d.checkIns.map((c) => ({ ...c, nextMorning: 'usual' as const })) } : d;
};

describe('reminderAt', () => {
  it('the morning after an unanswered check-in, at 8:00 local time', () => {
    const now = new Date(2026, 11, 4, 19, 0);
    expect(reminderAt(diaryWith('2026-12-04'), true, now)).toBe(new Date(2026, 11, 5, 8, 0).getTime());
  });

  it('nothing when off, answered, or long past', () => {
    const now = new Date(2026, 11, 4, 19, 0);
    expect(reminderAt(diaryWith('2026-12-04'), false, now)).toBeNull();
    expect(reminderAt(diaryWith('2026-12-04', true), true, now)).toBeNull();
    expect(reminderAt(diaryWith('2026-12-01'), true, now)).toBeNull();
  });

  it('the browser was closed at 8: a minute after start-up, the same morning', () => {
    const now = new Date(2026, 11, 5, 9, 30);
    expect(reminderAt(diaryWith('2026-12-04'), true, now)).toBe(now.getTime() + 60_000);
  });
});

describe('background reminder', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('keeps one alarm in step with the diary and the opt-in, and notifies only with the permission', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 4, 19, 0), toFake: ['Date'] });
    const { startMorningReminder } = await import('../../../lib/background/reminder');
    startMorningReminder();
    await fakeBrowser.storage.local.set({ [DIARY_KEY]: diaryWith('2026-12-04'), [REMINDER_KEY]: { enabled: true } });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({ scheduledTime: new Date(2026, 11, 5, 8, 0).getTime() }),
    );

    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false } as never);
    expect(created).not.toHaveBeenCalled();

    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false } as never);
    await vi.waitFor(() => expect(created).toHaveBeenCalledWith(REMINDER_ALARM, expect.objectContaining({ title: 'Knee Check' })));

    await fakeBrowser.storage.local.set({ [REMINDER_KEY]: { enabled: false } });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined());
    vi.useRealTimers();
  });
});
