// "Captured runs": what the badges kept from the runner's logs (lib/history), a copy to download,
// "forget" (all, or one site's) with a confirm step, and whether the runs of sites the runner
// added may fill in the checker. Everything stays in this browser's local storage.
import { useEffect, useState } from 'preact/hooks';
import { SITE_LABELS, type SiteId } from '@/lib/settings';
import {
  corruptHistoryItem,
  historyStats,
  isUserSite,
  loadCapturedRuns,
  loadHistoryPrefs,
  requestForget,
  saveHistoryPrefs,
  watchHistory,
  type CorruptHistoryCopy,
  type HistoryStats,
} from '@/lib/history';
import { ForgetDiary } from '../diary/ForgetDiary';
import { downloadText } from '../ui/download';
import { Notice } from '../ui/Notice';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { ConfirmStep, useConfirmFocus } from './ConfirmStep';
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
  /** The confirm step: for every site ('all'), for one site, or closed (null). */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [useAddedSites, setUseAddedSites] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const focus = useConfirmFocus(confirming);

  async function refresh() {
    try {
      const [next, copy, prefs] = await Promise.all([historyStats(), corruptHistoryItem.getValue(), loadHistoryPrefs()]);
      setStats(next);
      setCorrupt(copy);
      setUseAddedSites(prefs.useAddedSites);
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not read captured runs: ${errorText(error)}` });
    }
  }

  useEffect(() => {
    void refresh();
    // A running-log tab may capture runs while this page is open.
    return watchHistory(() => void refresh());
  }, []);

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

  async function forget(target: string) {
    const site = target === 'all' ? undefined : target;
    try {
      const count = await requestForget(site);
      setConfirming(null);
      await refresh();
      const text =
        count === 0
          ? 'Nothing was kept: there is nothing to forget.'
          : site === undefined
            ? `Forgot ${runsWord(count)}. Knee Check keeps nothing from your logs now.`
            : `Forgot ${runsWord(count)} from ${siteName(site)}.`;
      setStatus({ tone: 'ok', text });
    } catch (error) {
      setConfirming(null);
      setStatus({ tone: 'danger', text: `Could not forget captured runs: ${errorText(error)}` });
    }
  }

  async function chooseAddedSites(use: boolean) {
    try {
      await saveHistoryPrefs({ useAddedSites: use });
      setUseAddedSites(use);
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not save your choice: ${errorText(error)}` });
    }
  }

  const siteRuns = (site: string) => stats?.sites.find((s) => s.site === site)?.runs ?? 0;

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
                {isUserSite(site) && ' (a site you added)'}{' '}
                <button
                  type="button"
                  class="btn btn--small"
                  aria-label={`Forget the runs from ${siteName(site)}…`}
                  onClick={() => setConfirming(site)}
                >
                  Forget…
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {corrupt && (
        <Notice tone="warn" title="Earlier captured runs could not be read">
          <p>They were set aside (not deleted) and capturing started fresh. Download a copy to keep them, or forget them with the rest.</p>
        </Notice>
      )}
      {!empty && stats !== null && (
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => void download()}>
            Download a copy
          </button>
        </div>
      )}
      <label class="captured__choice">
        <input
          type="checkbox"
          id="captured-use-added-sites"
          checked={useAddedSites}
          aria-describedby="captured-use-added-sites-hint"
          onChange={(event) => void chooseAddedSites((event.currentTarget as HTMLInputElement).checked)}
        />{' '}
        Also use runs from sites I added to fill in the checker and the summary for a clinician
      </label>
      <p class="captured__hint" id="captured-use-added-sites-hint">
        Off by default: Knee Check cannot tell how a site it does not know shows your runs, so those runs are kept apart unless you choose
        this.
      </p>
      {confirming !== null ? (
        <ConfirmStep
          id="forget-confirm-text"
          question={
            <>
              {confirming === 'all'
                ? `Forget all ${stats ? runsWord(stats.runs) : 'captured runs'} Knee Check kept from your running logs?`
                : `Forget the ${runsWord(siteRuns(confirming))} Knee Check kept from ${siteName(confirming)}?`}{' '}
              This cannot be undone. Not even a page being read right now brings them back. Your logs themselves are not touched; tabs open
              now keep their badges but record nothing more until you reload them.
            </>
          }
          confirmLabel={confirming === 'all' ? 'Forget my captured runs' : `Forget the runs from ${siteName(confirming)}`}
          confirmRef={focus.confirm}
          onConfirm={() => void forget(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <button type="button" class="btn" ref={focus.opener} disabled={empty} onClick={() => setConfirming('all')}>
          Forget my captured runs…
        </button>
      )}
      <StatusMessage id="captured-status" status={status} />
      <ForgetDiary />
    </Section>
  );
}
