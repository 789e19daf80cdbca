// The first-run page, opened once on install and reachable later from the options page: what
// Knee Check is and is not, the two settings that matter first (units, week start), which sites
// get badges and how to add one, and the way to the checker. Saves through lib/settings, so
// everything is validated and stays in storage.local.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { loadSettings, saveSettings, SITE_IDS, SITE_LABELS, type Settings } from '@/lib/settings';
import '../ui/theme.css';
import '../ui/ui.css';
import './welcome.css';
import { UnitsAndWeekChoices } from '../ui/UnitsAndWeekChoices';

export function Welcome() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    loadSettings().then(
      (loaded) => setSettings(loaded.settings),
      (error: unknown) => setStatus(`Your settings could not be read: ${String(error)}`),
    );
  }, []);

  const change = (patch: Partial<Settings>) => {
    if (!settings) return;
    const next = { ...settings, ...patch };
    setSettings(next);
    void saveSettings(next).then(
      (r) => setStatus(r.ok ? 'Saved.' : `Not saved: ${r.issues.map((i) => i.message).join(' ')}`),
      (error: unknown) => setStatus(`Not saved: ${String(error)}`),
    );
  };

  const open = (path: `/options.html${string}` | `/popup.html${string}`) => (event: Event) => {
    event.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(path) });
  };

  return (
    <main class="welcome">
      <h1>Welcome to Knee Check</h1>
      <p class="welcome-lede">
        For runners whose knee hurts after running: a short checker that says how urgent it is, the likely causes and a plan, and small
        knee-load badges on your running log.
      </p>
      <section aria-labelledby="is-not">
        <h2 id="is-not">What it is, and what it is not</h2>
        <p>
          Knee Check gives information, not a diagnosis. It screens for warning signs first and tells you when to be seen today. Everything
          you answer and every run it reads stays in this browser: no account, no server, nothing sent.
        </p>
      </section>

      <section aria-labelledby="setup">
        <h2 id="setup">Two settings first</h2>
        {settings ? (
          <div class="stack">
            <UnitsAndWeekChoices
              value={settings}
              onChange={change}
              legends={{ units: 'Distances in', weekStartsOn: 'Your week starts on' }}
            />
          </div>
        ) : (
          <p aria-busy="true">Loading your settings…</p>
        )}
        <p role="status" class="welcome-status">
          {status}
        </p>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Badges on your running log</h2>
        <p>
          Next to each week's distance, a badge compares it with the week before and flags a run much longer than your recent longest. It
          works on:
        </p>
        <ul>
          {SITE_IDS.map((id) => (
            <li key={id}>
              {SITE_LABELS[id]}
              {settings && !settings.sites[id] ? ' (switched off in the settings)' : ''}
            </li>
          ))}
        </ul>
        <p>
          Another running log? Add it in{' '}
          <a href={browser.runtime.getURL('/options.html#your-sites')} onClick={open('/options.html#your-sites')}>
            Settings → Your sites
          </a>
          : the browser asks you for that one site, and nothing else.
        </p>
      </section>

      <section aria-labelledby="checker">
        <h2 id="checker">Does your knee hurt now?</h2>
        <p>Click the Knee Check icon in the toolbar at any time, or open the checker here.</p>
        <p class="btn-row">
          <a class="btn btn--primary" href={browser.runtime.getURL('/popup.html')} onClick={open('/popup.html')}>
            Open the checker
          </a>
          <a class="btn" href={browser.runtime.getURL('/options.html')} onClick={open('/options.html')}>
            All settings
          </a>
        </p>
      </section>
    </main>
  );
}
