// @vitest-environment happy-dom
// The options page's friction fixes: the shoe limit in the runner's units (stored in km), a summary
// naming every field to fix, and a prompt before unsaved edits are dropped.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions } from '../fake-permissions';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SHOE_MILES_LIMITS, toDraft, validateDraft, withShoeText, withUnits } from '@/components/options/draft';
import { defaultSettings } from '@/lib/settings';

let root: HTMLElement;

async function mount() {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<OptionsApp />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('button[type="submit"]')).not.toBeNull());
}

const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;

async function type(id: string, value: string) {
  await act(async () => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit() {
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

async function chooseMiles() {
  await act(async () => {
    root.querySelector<HTMLInputElement>('input[name="units"][value="mi"]')!.click();
  });
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

describe("shoe limit in the runner's units (draft)", () => {
  it('shows km in miles, stores what miles typed stand for in km, and never drifts when units flip', () => {
    const km = toDraft(defaultSettings());
    const mi = withUnits(km, 'mi');
    expect(mi.shoeShown).toBe('435');
    const typed = withShoeText(mi, '500');
    expect(typed.shoeKmLimit).toBe('805');
    expect(validateDraft(typed).settings).toMatchObject({ units: 'mi', shoeKmLimit: 805 });
    let flipped = typed;
    for (let i = 0; i < 5; i++) flipped = withUnits(withUnits(flipped, 'km'), 'mi');
    expect(flipped.shoeKmLimit).toBe('805');
    expect(withUnits(typed, 'km').shoeShown).toBe('805');
  });

  it('checks miles against the km range, and says so in miles', () => {
    const mi = withUnits(toDraft(defaultSettings()), 'mi');
    const { min, max } = SHOE_MILES_LIMITS;
    expect(validateDraft(withShoeText(mi, String(min))).settings?.shoeKmLimit).toBeGreaterThanOrEqual(100);
    expect(validateDraft(withShoeText(mi, String(max))).settings?.shoeKmLimit).toBeLessThanOrEqual(3000);
    for (const text of [String(min - 1), String(max + 1), 'far', '', '300.5']) {
      expect(validateDraft(withShoeText(mi, text)).errors, text).toEqual({
        shoeKmLimit: `Shoe distance limit must be a whole number from ${min} to ${max} mi.`,
      });
    }
  });
});

describe('OptionsApp: friction', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installFakePermissions();
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('in miles the shoe limit is typed in miles and saved in km', async () => {
    await mount();
    await chooseMiles();
    expect(input('threshold-shoeKmLimit').value).toBe('435');
    expect(root.querySelector('#threshold-shoeKmLimit-range')?.textContent).toBe(
      `Whole number from ${SHOE_MILES_LIMITS.min} to ${SHOE_MILES_LIMITS.max} mi.`,
    );
    await type('threshold-shoeKmLimit', '300');
    expect(root.textContent).toContain('\u2248 483 km');
    await submit();
    await vi.waitFor(async () => expect(await stored()).toEqual({ ...defaultSettings(), units: 'mi', shoeKmLimit: 483 }));
  });

  it('a failed save lists every field to fix at the top, each linked, and the list follows the fixes', async () => {
    await mount();
    await type('threshold-spikePct', '500');
    await type('threshold-shoeKmLimit', '');
    await submit();
    const summary = root.querySelector('#error-summary')!;
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#threshold-spikePct', '#threshold-shoeKmLimit']);
    expect(links[0]!.textContent).toBe('Single-run spike threshold must be a whole number from 1 to 200 %.');
    expect(summary.querySelector('h2')?.textContent).toBe('2 fields need fixing before you save');
    await act(async () => links[1]!.click());
    expect(document.activeElement).toBe(input('threshold-shoeKmLimit'));
    await type('threshold-spikePct', '20');
    expect([...root.querySelectorAll('#error-summary a')].map((a) => a.getAttribute('href'))).toEqual(['#threshold-shoeKmLimit']);
    await type('threshold-shoeKmLimit', '800');
    expect(root.querySelector('#error-summary')).toBeNull();
    expect(await stored()).toBeUndefined();
  });

  it('asks before leaving with unsaved edits, and not once they are saved', async () => {
    await mount();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await type('threshold-spikePct', '30');
    expect(leave()).toBe(true);
    await submit();
    await vi.waitFor(() => expect(root.querySelector('#save-status')?.textContent).toBe('Saved.'));
    expect(leave()).toBe(false);
  });

  it('importing a file over unsaved edits asks first; Cancel keeps the edits', async () => {
    await mount();
    await type('threshold-spikePct', '30');
    const file = new File(
      [JSON.stringify({ kind: 'knee-check-settings', version: 1, settings: { ...defaultSettings(), spikePct: 50 } })],
      'backup.json',
      {
        type: 'application/json',
      },
    );
    const picker = input('import-file');
    await act(async () => {
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('#import-confirm-text')?.textContent).toContain('You have unsaved changes');
    expect(await stored()).toBeUndefined();
    await act(async () => {
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    });
    expect(input('threshold-spikePct').value).toBe('30');
    expect(await stored()).toBeUndefined();
  });
});
