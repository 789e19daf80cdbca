// Shown when stored settings were damaged (or a damaged copy is still kept): what happened, what
// was kept, and a way to export the damaged copy. Nothing the runner saved is dropped silently.
import { useState } from 'preact/hooks';
import { discardInvalidCopies, exportFileName, toDamagedCopyFile, type InvalidSettingsCopy } from '@/lib/settings';
import { Notice } from '../ui/Notice';
import { downloadText } from '../ui/download';

export interface RecoveredNoticeProps {
  /** The stored value is damaged right now (set by loadSettings). */
  current?: InvalidSettingsCopy;
  /** Every kept damaged copy, newest first. */
  copies: InvalidSettingsCopy[];
  onDiscarded: () => void;
}

const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an earlier visit' : date.toLocaleString();
};

export function RecoveredNotice({ current, copies, onDiscarded }: RecoveredNoticeProps) {
  const [exported, setExported] = useState<string | null>(null);
  const latest = current ?? copies[0];
  if (!latest) return null;

  function exportCopy() {
    const name = exportFileName(new Date(), 'knee-check-damaged-settings');
    const newest = JSON.stringify(latest!.value);
    const earlier = copies.filter((copy) => JSON.stringify(copy.value) !== newest);
    downloadText(name, toDamagedCopyFile(latest!, new Date(), earlier));
    setExported(name);
  }

  async function discard() {
    await discardInvalidCopies();
    onDiscarded();
  }

  return (
    <Notice
      tone="warn"
      id="recovered-notice"
      title={current ? 'Your saved settings were damaged' : 'A damaged copy of your settings is kept'}
    >
      {current ? (
        <>
          <p>
            Knee Check could not read some of your saved settings, so it kept every setting it could read and shows the default for the
            rest:
          </p>
          <ul>
            {current.issues.map((issue, index) => (
              <li key={index}>{issue.message}</li>
            ))}
          </ul>
          <p>
            The damaged original stays as it is until you press Save, and a copy is kept on this device. Export the copy to keep it; you can
            fix it in a text editor and import it.
          </p>
        </>
      ) : (
        <p>
          Damaged settings found on {formatDate(latest.foundAt)} are kept on this device
          {copies.length > 1 ? ` (${copies.length} copies, all in the export)` : ''}. Export the copy to keep it, or discard it.
        </p>
      )}
      <div class="btn-row">
        <button type="button" class="btn" onClick={exportCopy}>
          Export damaged copy
        </button>
        {!current && (
          <button type="button" class="btn" onClick={() => void discard()}>
            Discard kept copy
          </button>
        )}
      </div>
      <p class="status" role="status" aria-live="polite">
        {exported ? `Exported the damaged copy as ${exported}.` : ''}
      </p>
    </Notice>
  );
}
