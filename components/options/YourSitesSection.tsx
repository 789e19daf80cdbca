// "Your sites": running logs the runner adds beyond the supported ones. Adding asks the browser
// for access to that one site, from the click itself (the permission prompt needs the runner's
// gesture); the background then registers the badge script for sites both added and granted.
// Acts at once (no Save button): it saves through OptionsContext.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { MAX_CUSTOM_SITES, loadSettings } from '@/lib/settings';
import { grantedCustomSites, normaliseSiteAddress, originPattern } from '@/lib/permissions';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { useOptions } from './OptionsContext';
import { Section } from './Section';
import { errorText } from '@/lib/guards';

const INPUT_ID = 'your-site-address';
/** The browser's granted host patterns, kept current while the page is open. */
function useGrantedPatterns(): [string[] | null, () => void] {
  const [patterns, setPatterns] = useState<string[] | null>(null);
  const live = useRef(true);
  const refresh = () =>
    void browser.permissions.getAll().then(
      (all) => live.current && setPatterns(all.origins ?? []),
      () => live.current && setPatterns([]),
    );
  useEffect(() => {
    live.current = true;
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live.current = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return [patterns, refresh];
}

export function YourSitesSection() {
  const { saved, saveChange } = useOptions();
  const [granted, refreshGranted] = useGrantedPatterns();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const sites = saved.customSites;
  const active = new Set(granted ? grantedCustomSites(sites, granted) : []);
  const full = sites.length >= MAX_CUSTOM_SITES;

  /** Save the origin once the browser granted it; give the grant back if saving fails. */
  async function keep(origin: string): Promise<void> {
    const latest = (await loadSettings()).settings;
    const out = await saveChange({ customSites: [...new Set([...latest.customSites, origin])] });
    if (out.ok) {
      setAddress('');
      setStatus({
        tone: 'ok',
        text: `Added ${origin}. Badges appear there only where a page shows dated runs that cover the week; many pages will have none.`,
      });
    } else {
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      setStatus({ tone: 'danger', text: `Not added: ${out.issues[0]?.message ?? 'the settings could not be saved.'}` });
    }
  }

  /** Ask for one origin. Must run synchronously inside the click or submit (the user's gesture). */
  function ask(origin: string, afterGrant: (origin: string) => Promise<void>) {
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: [originPattern(origin)] });
    } catch (err) {
      setStatus({ tone: 'danger', text: `Your browser refused the request: ${errorText(err)}. Nothing was saved.` });
      return;
    }
    setBusy(true);
    setStatus({ tone: 'info', text: `Asking your browser for access to ${origin}… Answer its prompt to continue.` });
    request
      .then(async (ok) => {
        if (!ok) {
          setStatus({ tone: 'danger', text: `Not added: access to ${origin} was not granted. Nothing was saved.` });
          return;
        }
        await afterGrant(origin);
      })
      .then(refreshGranted)
      .catch((err: unknown) => setStatus({ tone: 'danger', text: `Not added: ${errorText(err)}. Nothing was saved.` }))
      .finally(() => setBusy(false));
  }

  function add(event: Event) {
    event.preventDefault();
    setStatus(null);
    const check = normaliseSiteAddress(address);
    if (!check.ok) {
      setError(check.message);
      input.current?.focus();
      return;
    }
    if (sites.includes(check.origin)) {
      setError(`${check.origin} is already in your sites.`);
      input.current?.focus();
      return;
    }
    if (full) {
      setError(`You can add at most ${MAX_CUSTOM_SITES} sites. Remove one first.`);
      return;
    }
    setError(null);
    ask(check.origin, keep);
  }

  async function remove(origin: string) {
    setStatus(null);
    try {
      const latest = (await loadSettings()).settings;
      const remaining = latest.customSites.filter((o) => o !== origin);
      const out = await saveChange({ customSites: remaining });
      if (!out.ok) {
        setStatus({ tone: 'danger', text: `Could not remove ${origin}: ${out.issues[0]?.message ?? 'not saved.'}` });
        return;
      }
      // Give the browser permission back too (unless another added site shares the same pattern).
      const pattern = originPattern(origin);
      if (!remaining.some((o) => originPattern(o) === pattern)) {
        await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      }
      refreshGranted();
      setStatus({
        tone: 'ok',
        text: `Removed ${origin}, and gave back its access. Runs already captured from it stay until you forget them below.`,
      });
    } catch (err) {
      setStatus({ tone: 'danger', text: `Could not remove ${origin}: ${errorText(err)}` });
    }
  }

  return (
    <Section
      id="your-sites"
      title="Your sites"
      intro="Add another running log. Knee Check asks your browser for access to that one site when you click Add, and reads weekly totals shown on its pages. Nothing is sent anywhere."
    >
      <form class="field" noValidate onSubmit={add} aria-label="Add a site">
        <label class="field__label" for={INPUT_ID}>
          Site address
        </label>
        <p class="field__help" id={`${INPUT_ID}-help`}>
          For example https://runalyze.com. Secure (https) sites only. Strava, Garmin Connect and intervals.icu are already supported.
        </p>
        <div class="field__control">
          <input
            id={INPUT_ID}
            ref={input}
            class="field__input your-sites__input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={address}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`${INPUT_ID}-help ${INPUT_ID}-error`}
            onInput={(event) => {
              setAddress(event.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="btn btn--primary" disabled={busy}>
            Add
          </button>
        </div>
        <p class="field__error" id={`${INPUT_ID}-error`} role="alert">
          {error ?? ''}
        </p>
      </form>

      {sites.length === 0 ? (
        <p class="field__note">No sites added.</p>
      ) : (
        <ul class="your-sites__list" aria-label="Your added sites">
          {sites.map((origin) => {
            const isActive = active.has(origin);
            return (
              <li key={origin} class="your-sites__item">
                <span class="your-sites__origin">{origin}</span>
                <span class={`your-sites__state${isActive ? '' : ' your-sites__state--off'}`}>
                  {granted === null ? 'Checking access…' : isActive ? 'Access granted' : 'No access: badges off'}
                </span>
                <span class="btn-row">
                  {granted !== null && !isActive && (
                    <button
                      type="button"
                      class="btn"
                      disabled={busy}
                      onClick={() =>
                        ask(origin, async () => {
                          setStatus({ tone: 'ok', text: `Access to ${origin} granted again.` });
                        })
                      }
                    >
                      Grant access
                    </button>
                  )}
                  <button type="button" class="btn" aria-label={`Remove ${origin}`} onClick={() => void remove(origin)}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <StatusMessage id="your-sites-status" status={status} />
    </Section>
  );
}
