// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions } from '../fake-permissions';
import { YourSitesSection } from '../../../components/options/YourSitesSection';
import { OptionsContext, type OptionsContextValue } from '../../../components/options/OptionsContext';
import { defaultSettings, loadSettings, saveSettings, type Settings } from '../../../lib/settings';

let root: HTMLElement;
let granted: string[];
let requestResult: Promise<boolean>;
const request = vi.fn((_: { origins: string[] }) => requestResult);
const remove = vi.fn(async (p: { origins: string[] }) => {
  granted = granted.filter((g) => !p.origins.includes(g));
  return true;
});

async function flush() {
  for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function mount(settings: Settings = defaultSettings()) {
  await saveSettings(settings);
  let saved = settings;
  const context: OptionsContextValue = {
    get saved() {
      return saved;
    },
    announce: () => undefined,
    saveChange: async (patch) => {
      const latest = (await loadSettings()).settings;
      const out = await saveSettings({ ...latest, ...patch });
      if (out.ok) {
        saved = out.settings;
        await act(() => render(view(), root));
      }
      return out;
    },
  };
  const view = () => (
    <OptionsContext.Provider value={context}>
      <YourSitesSection />
    </OptionsContext.Provider>
  );
  await act(() => render(view(), root));
  await flush();
}

const input = () => root.querySelector<HTMLInputElement>('#your-site-address')!;
const addButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add')!;
async function type(text: string) {
  await act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function clickAdd() {
  await act(() => addButton().click());
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = ['https://www.strava.com/*'];
  requestResult = Promise.resolve(true);
  request.mockClear();
  remove.mockClear();
  installFakePermissions(granted);
  fakeBrowser.permissions.request = ((p: { origins: string[] }) => {
    const result = request(p);
    return result.then((ok) => {
      if (ok) granted.push(...p.origins);
      return ok;
    });
  }) as never;
  fakeBrowser.permissions.remove = remove as never;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('YourSitesSection', () => {
  it('renders an address field, an Add button and "No sites added"', async () => {
    await mount();
    expect(root.querySelector('h2')?.textContent).toBe('Your sites');
    expect(root.querySelector('label[for="your-site-address"]')?.textContent).toBe('Site address');
    expect(root.textContent).toContain('No sites added.');
  });

  it.each([
    ['', /Type the address/],
    ['http://runalyze.com', /Only secure \(https\)/],
    ['www.strava.com', /already supported/],
    ['https://*.example.com', /wildcards/],
  ])('a bad address (%j) shows a message and asks nothing', async (text, message) => {
    await mount();
    await type(text);
    await clickAdd();
    expect(root.querySelector('#your-site-address-error')?.textContent).toMatch(message);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for exactly that origin inside the click, then saves it when granted', async () => {
    await mount();
    await type('runalyze.com/dashboard');
    await clickAdd();
    // Synchronously, during the click: no await before the request.
    expect(request).toHaveBeenCalledWith({ origins: ['https://runalyze.com/*'] });
    await flush();
    expect((await loadSettings()).settings.customSites).toEqual(['https://runalyze.com']);
    expect(root.querySelector('#your-sites-status')?.textContent).toMatch(/Added https:\/\/runalyze\.com/);
    expect(root.querySelector('.your-sites__item')?.textContent).toContain('Access granted');
    expect(input().value).toBe('');
  });

  it('saves nothing when the runner declines the prompt', async () => {
    requestResult = Promise.resolve(false);
    await mount();
    await type('https://runalyze.com');
    await clickAdd();
    await flush();
    expect((await loadSettings()).settings.customSites).toEqual([]);
    expect(root.querySelector('#your-sites-status')?.textContent).toMatch(/not granted\. Nothing was saved/);
  });

  it('refuses a site already added', async () => {
    await mount({ ...defaultSettings(), customSites: ['https://runalyze.com'] });
    await type('https://runalyze.com');
    await clickAdd();
    expect(root.querySelector('#your-site-address-error')?.textContent).toMatch(/already in your sites/);
    expect(request).not.toHaveBeenCalled();
  });

  it('refuses a 21st site', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `https://s${i}.example`);
    await mount({ ...defaultSettings(), customSites: twenty });
    await type('https://one-more.example');
    await clickAdd();
    expect(root.querySelector('#your-site-address-error')?.textContent).toMatch(/at most 20 sites/);
    expect(request).not.toHaveBeenCalled();
  });

  it('shows an added site without access, offers to grant it again, and removes a site with its permission', async () => {
    granted.push('https://a.example/*');
    await mount({ ...defaultSettings(), customSites: ['https://a.example', 'https://b.example'] });
    const items = [...root.querySelectorAll('.your-sites__item')];
    expect(items.map((i) => i.querySelector('.your-sites__state')?.textContent)).toEqual(['Access granted', 'No access: badges off']);
    const grant = [...items[1]!.querySelectorAll('button')].find((b) => b.textContent === 'Grant access')!;
    await act(() => grant.click());
    expect(request).toHaveBeenCalledWith({ origins: ['https://b.example/*'] });
    await flush();

    const removeA = root.querySelector<HTMLButtonElement>('button[aria-label="Remove https://a.example"]')!;
    await act(() => removeA.click());
    await flush();
    expect((await loadSettings()).settings.customSites).toEqual(['https://b.example']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
    expect(root.querySelector('#your-sites-status')?.textContent).toMatch(/Removed https:\/\/a\.example/);
  });
});
