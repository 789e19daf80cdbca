// Backup and reset: export the saved settings to a JSON file, import one (a bad file changes
// nothing), and reset to defaults after a confirm step.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  MAX_IMPORT_BYTES,
  defaultSettings,
  exportFileName,
  parseImportFile,
  saveSettings,
  toExportFile,
  type Settings,
  type SettingsIssue,
} from '@/lib/settings';
import { loadDiary } from '@/lib/diary';
import { exportFileWithDiary, isEmptyDiary, readFileDiary } from '@/lib/diary/backup';
import { importFileDiary } from '@/lib/diary/backup-storage';
import { downloadText } from '../ui/download';
import { errorText } from '@/lib/guards';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { ConfirmStep, useConfirmFocus } from './ConfirmStep';
import { Section } from './Section';

export interface BackupSectionProps {
  saved: Settings;
  /** The form has unsaved edits (they are not in an export). */
  dirty: boolean;
  /** Import or reset saved new settings: the form shows them from now on. */
  onReplaced: (settings: Settings) => void;
}

const MAX_LISTED_ISSUES = 3;

function describeIssues(issues: SettingsIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message);
  const more = issues.length - listed.length;
  return listed.join(' ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

export function BackupSection({ saved, dirty, onReplaced }: BackupSectionProps) {
  const [status, setStatus] = useState<Status | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  /** A file chosen while the form has unsaved edits: importing it would drop them, so ask first. */
  const [pendingImport, setPendingImport] = useState<File | null>(null);
  const resetFocus = useConfirmFocus(confirmingReset);
  const importInput = useRef<HTMLInputElement>(null);
  const confirmImportButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (pendingImport) confirmImportButton.current?.focus();
  }, [pendingImport]);

  async function exportSettings() {
    const name = exportFileName();
    // The knee diary goes in the same file (an optional key); settings alone if it cannot be read.
    const diary = await loadDiary().then(
      (d) => d.diary,
      () => null,
    );
    downloadText(name, diary ? exportFileWithDiary(saved, diary) : toExportFile(saved));
    setStatus({
      tone: 'ok',
      text: `Exported your saved settings as ${name}.${diary && !isEmptyDiary(diary) ? ' Your knee diary is in it too.' : ''}${dirty ? ' Unsaved changes are not in the file: save first to include them.' : ''}`,
    });
  }

  function chooseFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Choosing the same file again must fire another change event.
    input.value = '';
    if (!file) return;
    if (dirty) setPendingImport(file);
    else void importFile(file);
  }

  function cancelImport() {
    setPendingImport(null);
    importInput.current?.focus();
    setStatus({ tone: 'info', text: 'Import cancelled. Your unsaved changes are still there.' });
  }

  async function importFile(file: File) {
    setPendingImport(null);
    const name = `\u201c${file.name}\u201d`;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setStatus({
          tone: 'danger',
          text: `Could not import ${name}: it is ${Math.ceil(file.size / 1024)} KB, far larger than a Knee Check settings file. Your settings were not changed.`,
        });
        return;
      }
      const text = await file.text();
      const parsed = parseImportFile(text);
      const fileDiary = readFileDiary(text);
      if (fileDiary.kind === 'bad') {
        setStatus({
          tone: 'danger',
          text: `Could not import ${name}: its knee diary cannot be used (${fileDiary.problem}). Nothing was changed.`,
        });
        return;
      }
      if (!parsed.ok) {
        setStatus({ tone: 'danger', text: `Could not import ${name}: ${describeIssues(parsed.issues)} Your settings were not changed.` });
        return;
      }
      const result = await saveSettings(parsed.settings);
      if (!result.ok) {
        setStatus({ tone: 'danger', text: `Could not import ${name}: ${describeIssues(result.issues)} Your settings were not changed.` });
        return;
      }
      onReplaced(result.settings);
      const diary = await importFileDiary(fileDiary).then(Boolean, () => false);
      const withDiary = fileDiary.kind === 'ok' && !isEmptyDiary(fileDiary.diary);
      setStatus({
        tone: withDiary && !diary ? 'danger' : 'ok',
        text: `Imported ${name} and saved it.${withDiary ? (diary ? ' Its knee diary was added to yours.' : ' Its knee diary could not be saved.') : ''}`,
      });
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not import ${name}: ${errorText(error)}. Your settings were not changed.` });
    }
  }

  async function confirmReset() {
    // Added sites stay: removing one also gives back its browser permission, which has its own control.
    const result = await saveSettings({ ...defaultSettings(), customSites: saved.customSites }).catch((error: unknown) => {
      setStatus({ tone: 'danger', text: `Could not reset: ${errorText(error)}. Your settings were not changed.` });
      return null;
    });
    setConfirmingReset(false);
    if (!result) return;
    if (!result.ok) {
      setStatus({ tone: 'danger', text: `Could not reset: ${describeIssues(result.issues)}` });
      return;
    }
    onReplaced(result.settings);
    setStatus({ tone: 'ok', text: 'Reset to defaults and saved. To undo, import a settings file you exported earlier.' });
  }

  return (
    <Section
      id="backup"
      title="Backup and reset"
      intro="Settings stay on this device. A file lets you keep a copy or move them to another browser."
    >
      <div class="btn-row">
        <button type="button" class="btn" onClick={() => void exportSettings()}>
          Export settings
        </button>
      </div>
      <div class="field">
        <label class="field__label" for="import-file">
          Import settings from a file
        </label>
        <p class="field__help" id="import-file-help">
          Choose a file exported by Knee Check. The settings in it are checked and saved; a file with a problem changes nothing.
        </p>
        <input
          id="import-file"
          ref={importInput}
          type="file"
          accept=".json,application/json"
          aria-describedby="import-file-help"
          onChange={chooseFile}
        />
        {pendingImport && (
          <ConfirmStep
            id="import-confirm-text"
            question={
              <>
                You have unsaved changes on this page. Importing “{pendingImport.name}” replaces them with the settings in the file, and
                saves.
              </>
            }
            confirmLabel="Import and drop my changes"
            confirmRef={confirmImportButton}
            onConfirm={() => void importFile(pendingImport)}
            onCancel={cancelImport}
          />
        )}
      </div>
      <div class="field">
        {confirmingReset ? (
          <ConfirmStep
            id="reset-confirm-text"
            question={
              <>
                Reset units, week start, thresholds and sites to their defaults, and save?
                {dirty ? ' Your unsaved changes above are dropped too.' : ''} To undo it later, import a settings file you exported earlier.
              </>
            }
            confirmLabel="Reset and save"
            confirmRef={resetFocus.confirm}
            onConfirm={() => void confirmReset()}
            onCancel={() => setConfirmingReset(false)}
          />
        ) : (
          <button type="button" class="btn" ref={resetFocus.opener} onClick={() => setConfirmingReset(true)}>
            Reset to defaults…
          </button>
        )}
      </div>
      <StatusMessage id="backup-status" status={status} />
    </Section>
  );
}
