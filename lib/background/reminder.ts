// Background side of the next-morning reminder (lib/loop/reminder): keep one alarm in step with the
// diary and the runner's opt-in, re-create it at start-up (alarms do not survive every restart),
// and show a notification only when the runner granted the optional permission from a click.
import { browser } from '#imports';
import { parseDiary } from '../diary/schema';
import { DIARY_KEY } from '../diary/storage';
import { isReminderOn, REMINDER_ALARM, REMINDER_KEY, reminderAt } from '../loop/reminder';
import { localStore } from '../storage/local-store';

async function syncReminder(): Promise<void> {
  const stored = await localStore.get([DIARY_KEY, REMINDER_KEY]);
  const parsed = parseDiary(stored[DIARY_KEY]);
  const when = parsed.ok ? reminderAt(parsed.diary, isReminderOn(stored[REMINDER_KEY]), new Date()) : null;
  await browser.alarms.clear(REMINDER_ALARM);
  if (when !== null) await browser.alarms.create(REMINDER_ALARM, { when });
}

let clickWired = false;

async function remind(): Promise<void> {
  const granted = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
  if (!granted || !browser.notifications) return;
  // The notifications API exists only once granted, so its click listener is wired on first use.
  if (!clickWired) {
    clickWired = true;
    browser.notifications.onClicked.addListener((id) => {
      if (id === REMINDER_ALARM) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });
  }
  await browser.notifications.create(REMINDER_ALARM, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Knee Check',
    message: 'How is your knee this morning? Open Knee Check to answer: it sets your next run.',
  });
}

export function startMorningReminder(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void remind();
  });
  localStore.onChanged((changes) => {
    if (DIARY_KEY in changes || REMINDER_KEY in changes) void syncReminder();
  });
  browser.runtime.onStartup.addListener(() => void syncReminder());
  void syncReminder();
}
