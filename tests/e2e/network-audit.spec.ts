// The audit must be able to fail: a page that calls another host is caught.
import { test, expect } from './fixtures';

test('the network audit flags a request to another host', async ({ context, networkAudit }) => {
  await context.route('https://www.strava.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>log</title><p>Weekly log</p>' }),
  );
  await context.route('https://tracker.example/**', (route) => route.fulfill({ body: '' }));
  const page = await context.newPage();
  await page.goto('https://www.strava.com/dashboard');
  expect(networkAudit.offending()).toEqual([]);
  await page.evaluate(() => fetch('https://tracker.example/pixel').catch(() => undefined));
  await expect.poll(() => networkAudit.offending()).toEqual(['https://tracker.example/pixel']);
  // Clear it so this deliberate request does not fail the test at teardown.
  networkAudit.requests.length = 0;
});
