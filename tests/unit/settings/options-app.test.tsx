// @vitest-environment happy-dom
// The options page in happy-dom over WXT's fake browser: load, validate, save, recover.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions } from '../fake-permissions';
import { OptionsApp } from '@/components/options/OptionsApp';
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

function input(id: string): HTMLInputElement {
  const element = root.querySelector<HTMLInputElement>(`#${id}`);
  if (!element) throw new Error(`no #${id}`);
  return element;
}

async function type(id: string, value: string) {
  await act(async () => {
    const element = input(id);
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('blur'));
  });
}

async function submit() {
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

describe('OptionsApp', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The "Your sites" section lists granted origins.
    installFakePermissions();
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows every threshold with a label, its range and its evidence', async () => {
    await mount();
    for (const [id, label, range] of [
      ['threshold-spikePct', 'Single-run spike threshold', 'Whole number from 1 to 200 %.'],
      ['threshold-weeklyIncreasePct', 'Weekly increase threshold', 'Whole number from 1 to 100 %.'],
      ['threshold-shoeKmLimit', 'Shoe distance limit', 'Whole number from 100 to 3000 km.'],
    ] as const) {
      expect(root.querySelector(`label[for="${id}"]`)?.textContent).toBe(label);
      expect(root.querySelector(`#${id}-range`)?.textContent).toBe(range);
    }
    expect(root.textContent).toContain('Frandsen et al. 2025');
    expect(root.textContent).toContain('Buist 2008; Nielsen 2014');
    expect(root.textContent).toContain('Kong 2009');
  });

  it('shows an inline error naming the field and range, and does not save', async () => {
    await mount();
    await type('threshold-weeklyIncreasePct', '250');
    const field = input('threshold-weeklyIncreasePct');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#threshold-weeklyIncreasePct-error')?.textContent).toBe(
      'Weekly increase threshold must be a whole number from 1 to 100 %.',
    );
    expect(field.getAttribute('aria-describedby')).toContain('threshold-weeklyIncreasePct-error');
    await submit();
    expect(await stored()).toBeUndefined();
    expect(root.querySelector('#save-status')?.textContent).toContain('Not saved');
  });

  it('saves a valid change, and shows the shoe limit in miles when miles are chosen', async () => {
    await mount();
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[name="units"][value="mi"]')!.click();
    });
    expect(input('threshold-shoeKmLimit').value).toBe('435');
    expect(root.textContent).toContain('\u2248 700 km');
    await type('threshold-spikePct', '25');
    await submit();
    await vi.waitFor(() => expect(root.querySelector('#save-status')?.textContent).toBe('Saved.'));
    expect(await stored()).toEqual({ ...defaultSettings(), units: 'mi', spikePct: 25 });
  });

  it('explains damaged stored settings and offers the copy', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), spikePct: -3 } });
    await mount();
    const notice = root.querySelector('#recovered-notice');
    expect(notice?.textContent).toContain('Your saved settings were damaged');
    expect(notice?.textContent).toContain('Single-run spike threshold must be a whole number from 1 to 200 %.');
    expect(notice?.querySelector('button')?.textContent).toBe('Export damaged copy');
    expect(input('threshold-spikePct').value).toBe('10');
  });
});
