// Demo builds only (`npm run demo`, WXT_KNEE_CHECK_DEMO_ORIGIN=http://localhost:PORT): the saved
// pages served there are treated as www.strava.com. Empty in release builds, where all of this
// folds away at build time.
const DEMO_ORIGIN: string = import.meta.env.WXT_KNEE_CHECK_DEMO_ORIGIN ?? '';
const STRAVA_ORIGIN = 'https://www.strava.com';

/** These Strava match patterns, and in demo builds the same paths on the demo origin. */
export const demoMatches = (patterns: string[]): string[] =>
  DEMO_ORIGIN ? [...patterns, ...patterns.map((p) => p.replace(STRAVA_ORIGIN, DEMO_ORIGIN))] : patterns;

/** The page's URL as the Strava page halves see it. */
export const demoAlias = (url: URL): URL =>
  DEMO_ORIGIN && url.origin === DEMO_ORIGIN ? new URL(url.pathname + url.search, STRAVA_ORIGIN) : url;
