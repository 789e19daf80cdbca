// components/checker/knee-views.json, the three drawings of "Where does it hurt?": every region is a
// location of the contract (lib/triage/types.ts) drawn by one shape inside the 100 x 150 drawing,
// every path it names exists, and every place on the knee can be tapped in some view.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import KNEE_VIEWS from '../../../components/checker/knee-views.json' with { type: 'json' };
import { LOCATIONS } from '../../../lib/triage/types';
import { problemsOf } from '../data-problems';

const pathNames = Object.keys(KNEE_VIEWS.paths) as [string, ...string[]];
const x = z.number().min(0).max(100);
const y = z.number().min(0).max(150);

const region = z
  .strictObject({
    id: z.enum(LOCATIONS),
    path: z.optional(z.enum(pathNames)),
    ellipse: z.optional(z.strictObject({ cx: x, cy: y, rx: x.positive(), ry: y.positive() })),
    rect: z.optional(z.strictObject({ x, y, width: x.positive(), height: y.positive() })),
  })
  .refine((r) => [r.path, r.ellipse, r.rect].filter((s) => s !== undefined).length === 1, 'needs exactly one of path, ellipse, rect');

const schema = z.strictObject({
  /** SVG path data: each starts with a move and is closed. */
  paths: z.record(z.string(), z.string().regex(/^M[\d .HVLCZ-]+Z$/)),
  views: z.array(
    z.strictObject({
      name: z.string().min(1),
      outline: z.enum(pathNames),
      marks: z.tuple([z.string().min(1), z.string().min(1)]),
      regions: z.array(region).min(1),
    }),
  ),
});

const problems = (data: unknown) => problemsOf(schema, data);

describe('knee-views.json', () => {
  it('has only contract locations, named paths and shapes inside the drawing', () => {
    expect(problems(KNEE_VIEWS)).toEqual([]);
  });

  it('names the place of a typo', () => {
    const typo = structuredClone(KNEE_VIEWS);
    typo.views[1]!.regions[3]!.id = 'frnt';
    typo.views[2]!.outline = 'leg-back';
    expect(problems(typo)).toEqual([expect.stringMatching(/^views\.1\.regions\.3\.id: /), expect.stringMatching(/^views\.2\.outline: /)]);
  });

  it('draws each location at most once a view, and every place on the knee in some view (the hip and groin are off it)', () => {
    for (const view of KNEE_VIEWS.views) {
      const ids = view.regions.map((r) => r.id);
      expect(new Set(ids).size, view.name).toBe(ids.length);
    }
    const drawn = new Set(KNEE_VIEWS.views.flatMap((v) => v.regions.map((r) => r.id)));
    expect(LOCATIONS.filter((l) => !drawn.has(l))).toEqual(['hip-groin']);
  });

  it('uses every path it names, and has unique view names', () => {
    const used = new Set(KNEE_VIEWS.views.flatMap((v) => [v.outline, ...v.regions.flatMap((r) => ('path' in r ? [r.path] : []))]));
    expect(pathNames.filter((n) => !used.has(n))).toEqual([]);
    expect(new Set(KNEE_VIEWS.views.map((v) => v.name)).size).toBe(KNEE_VIEWS.views.length);
  });
});
