// "Captured runs": what the badges kept from the runner's logs (lib/history), a copy to download,
// and "forget" with a confirm step. Everything stays in this browser's local storage.
import { useEffect, useRef, useState } from 'preact/hooks';
import { SITE_LABELS, type SiteId } from '@/lib/settings';
import {
  corruptHistoryItem,
  forgetHistory,
  historyStats,
  loadCapturedRuns,
  watchHistory,
  type CorruptHistoryCopy,
  type HistoryStats,
} from '@/lib/history';
import { ForgetDiary } from '../diary/ForgetDiary';
import { downloadText } from '../ui/download';
import { Notice } from '../ui/Notice';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { Section } from './Section';
import './your-sites.css';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function siteName(site: string): string {
  return site in SITE_LABELS ? SITE_LABELS[site as SiteId] : site;
}

/** "3 Jan 2026" from "2026-01-03T07:00:00", in the runner's locale. */
export function formatRunDate(start: string, locale?: string): string {
  const [y, m, d] = start.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return start;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function runsWord(n: number): string {
  return `${n.toLocaleString()} run${n === 1 ? '' : 's'}`;
}

export function CapturedDataSection() {
  const [stats, setStats] = useState<HistoryStats | null>(null);
  const [corrupt, setCorrupt] = useState<CorruptHistoryCopy | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const forgetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  async function refresh() {
    try {
      const [next, copy] = await Promise.all([historyStats(), corruptHistoryItem.getValue()]);
      setStats(next);
      setCorrupt(copy);
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not read captured runs: ${errorText(error)}` });
    }
  }

  useEffect(() => {
    void refresh();
    // A running-log tab may capture runs while this page is open.
    return watchHistory(() => void refresh());
  }, []);

  // Focus follows the confirm step in and out, so keyboard users keep their place.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (confirming ? confirmButton : forgetButton).current?.focus();
  }, [confirming]);

  async function download() {
    try {
      const runs = await loadCapturedRuns();
      const name = `knee-check-captured-runs-${new Date().toISOString().slice(0, 10)}.json`;
      const file = {
        kind: 'knee-check-captured-runs',
        version: 1,
        exportedAt: new Date().toISOString(),
        runs,
        ...(corrupt ? { unreadableCopy: corrupt } : {}),
      };
      downloadText(name, JSON.stringify(file, null, 2));
      setStatus({ tone: 'ok', text: `Saved a copy as ${name}.` });
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not make a copy: ${errorText(error)}` });
    }
  }

  async function forget() {
    const count = stats?.runs ?? 0;
    try {
      await forgetHistory();
      setConfirming(false);
      await refresh();
      setStatus({ tone: 'ok', text: count ? `Forgot ${runsWord(count)}. Knee Check keeps nothing from your logs now.` : 'Nothing was kept: there is nothing to forget.' });
    } catch (error) {
      setConfirming(false);
      setStatus({ tone: 'danger', text: `Could not forget captured runs: ${errorText(error)}` });
    }
  }

  const empty = stats !== null && stats.runs === 0 && !corrupt;
  return (
    <Section
      id="captured"
      title="Captured runs"
      intro="When a badge reads your running log, Knee Check keeps those runs (date, distance, and the site's activity number) in this browser so the popup can show recent weeks. They never leave this device."
    >
      {stats === null ? (
        <p class="captured__summary">Reading…</p>
      ) : stats.runs === 0 ? (
        <p class="captured__summary" id="captured-summary">
          No runs captured yet.
        </p>
      ) : (
        <div id="captured-summary">
          <p class="captured__summary">
            {runsWord(stats.runs)} kept, from {formatRunDate(stats.oldest!)} to {formatRunDate(stats.newest!)}.
          </p>
          <ul class="captured__sites" aria-label="Runs by site">
            {stats.sites.map(({ site, runs }) => (
              <li key={site}>
                {siteName(site)}: {runsWord(runs)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {corrupt && (
        <Notice tone="warn" title="Earlier captured runs could not be read">
          <p>
            They were set aside (not deleted) and capturing started fresh. Download a copy to keep them, or forget them with the
            rest.
          </p>
        </Notice>
      )}
      {!empty && stats !== null && (
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => void download()}>
            Download a copy
          </button>
        </div>
      )}
      {confirming ? (
        <div
          class="confirm"
          role="group"
          aria-labelledby="forget-confirm-text"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="forget-confirm-text" class="confirm__text">
            Forget all {stats ? runsWord(stats.runs) : 'captured runs'} Knee Check kept from your running logs? This cannot be undone.
            Your logs themselves are not touched, and badges read them again when you visit.
          </p>
          <div class="btn-row">
            <button type="button" class="btn btn--danger" ref={confirmButton} onClick={() => void forget()}>
              Forget my captured runs
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn" ref={forgetButton} disabled={empty} onClick={() => setConfirming(true)}>
          Forget my captured runs…
        </button>
      )}
      <StatusMessage id="captured-status" status={status} />
      <ForgetDiary />
    </Section>
  );
}
