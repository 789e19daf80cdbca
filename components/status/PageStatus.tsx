// The popup's first screen: what Knee Check did on the page in the active tab, in words
// ("Strava Training Log: 12 weeks annotated from 58 runs"), or nothing when the tab is not a
// running log. "Copy a page report" copies a structure-only diagnostic (no runs, names, ids or
// addresses) for a runner to send when badges break. Read from storage.session (the background
// keeps each tab's status there: lib/content/page-status-background.ts).
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { readPageStatusMessage, PAGE_STATUS, type PageStatus as Status } from '@/lib/content/messages';
import { reportText, statusKey, statusWords } from '@/lib/content/page-status';
import { Notice } from '../ui/Notice';
import { StatusMessage, type Status as Outcome } from '../ui/StatusMessage';
import './page-status.css';

/** The active tab's status, validated again (storage.session is ours, but never trusted blindly). */
async function activeTabStatus(): Promise<Status | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (typeof tab?.id !== 'number') return null;
  const key = statusKey(tab.id);
  const stored = (await browser.storage.session.get(key))[key];
  return readPageStatusMessage({ type: PAGE_STATUS, status: stored ?? null }) ?? null;
}

export function PageStatus({ load = activeTabStatus }: { load?: () => Promise<Status | null> }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [copied, setCopied] = useState<Outcome | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (s) => live && setStatus(s),
      () => undefined, // no status: say nothing
    );
    return () => {
      live = false;
    };
  }, [load]);

  const words = statusWords(status);
  if (!status || !words) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reportText(status.report, status));
      setCopied({ tone: 'ok', text: 'Page report copied: it holds the page structure only, none of your runs or details.' });
    } catch {
      setCopied({ tone: 'danger', text: 'Could not copy the report (the browser refused the clipboard).' });
    }
  };
  return (
    <section class="page-status" aria-label="This page">
      <Notice tone={words.tone === 'warn' ? 'warn' : words.tone === 'ok' ? 'ok' : 'info'} title={words.headline}>
        {words.details.length > 0 && (
          <ul>
            {words.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Notice>
      <p class="page-status__actions">
        <button type="button" class="btn-link" onClick={() => void copy()}>
          Copy a page report
        </button>
      </p>
      <StatusMessage status={copied} />
    </section>
  );
}
