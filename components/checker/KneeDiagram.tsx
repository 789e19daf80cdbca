// "Where does it hurt?": three small drawings of a knee (front, outside, back) whose regions toggle
// the same answers as the labelled checkboxes below them. The checkboxes are the accessible
// controls; the drawing is a mouse/touch mirror, hidden from assistive technology.
import type { SVGAttributes } from 'preact';
import { useState } from 'preact/hooks';
import { LOCATIONS, type Location } from '../../lib/triage/types';
import { LOCATION_CHOICES, labelOf } from '../../lib/checker/questions';
import { ChoiceGroup } from './fields';
import KNEE_VIEWS from './knee-views.json' with { type: 'json' };

type Shape =
  | { kind: 'path'; d: string }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number };

interface Region {
  id: Location;
  shape: Shape;
}

interface View {
  name: string;
  outline: string;
  regions: Region[];
  /** Small orientation words at the foot of the drawing. */
  marks: [string, string];
}

/**
 * A region as ./knee-views.json draws it: a path named in its `paths`, an ellipse or a rectangle
 * (drawn with rounded corners), in the drawing's 100 x 150 units.
 */
interface RegionData {
  id: string;
  path?: string;
  ellipse?: { cx: number; cy: number; rx: number; ry: number };
  rect?: { x: number; y: number; width: number; height: number };
}

const PATHS: Record<string, string> = KNEE_VIEWS.paths;
function pathNamed(name: string): string {
  const d = PATHS[name];
  if (d === undefined) throw new Error(`knee-views.json: no path named "${name}"`);
  return d;
}

function shapeOf(region: RegionData): Shape {
  if (region.path !== undefined) return { kind: 'path', d: pathNamed(region.path) };
  if (region.ellipse) return { kind: 'ellipse', ...region.ellipse };
  if (region.rect) return { kind: 'rect', ...region.rect };
  throw new Error(`knee-views.json: region "${region.id}" has no shape`);
}

function regionOf(region: RegionData): Region {
  if (!(LOCATIONS as readonly string[]).includes(region.id)) throw new Error(`knee-views.json: "${region.id}" is not a location`);
  return { id: region.id as Location, shape: shapeOf(region) };
}

// Drawing order is stacking order: the broad "whole knee" zone first, small landmarks last.
// tests/unit/checker/knee-views.test.ts checks the file (locations, path names, two marks a view).
const VIEWS: View[] = KNEE_VIEWS.views.map((view) => ({
  name: view.name,
  outline: pathNamed(view.outline),
  marks: [view.marks[0]!, view.marks[1]!],
  regions: view.regions.map(regionOf),
}));

function ShapeEl({ shape, ...rest }: { shape: Shape } & SVGAttributes<SVGElement>) {
  switch (shape.kind) {
    case 'path':
      return <path d={shape.d} {...(rest as SVGAttributes<SVGPathElement>)} />;
    case 'ellipse':
      return <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} {...(rest as SVGAttributes<SVGEllipseElement>)} />;
    case 'rect':
      return (
        <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={2.5} {...(rest as SVGAttributes<SVGRectElement>)} />
      );
  }
}

export function KneeDiagram(props: { values: readonly Location[]; onChange: (values: Location[]) => void; error?: string }) {
  const { values, onChange, error } = props;
  const [hot, setHot] = useState<Location | null>(null);
  const toggle = (id: Location) => {
    const next = values.includes(id) ? values.filter((v) => v !== id) : [...values, id];
    onChange(LOCATION_CHOICES.map((c) => c.value).filter((v) => next.includes(v)));
  };
  return (
    <ChoiceGroup
      multiple
      id="locations"
      legend="Tick every place that hurts"
      hint="Tap the drawings or tick the boxes."
      error={error}
      choices={LOCATION_CHOICES}
      values={values}
      onChange={onChange}
      onHover={setHot}
    >
      <div class="knee-views" aria-hidden="true">
        {VIEWS.map((view) => (
          <div class="knee-view" key={view.name}>
            <svg viewBox="0 0 100 150" focusable="false" class="knee-svg" data-view={view.name.toLowerCase()}>
              <path class="leg" d={view.outline} />
              {view.regions.map((region) => {
                const on = values.includes(region.id);
                return (
                  <ShapeEl
                    key={region.id}
                    shape={region.shape}
                    class={`region${on ? ' on' : ''}${hot === region.id ? ' hot' : ''}`}
                    data-region={region.id}
                    onClick={() => toggle(region.id)}
                    onMouseEnter={() => setHot(region.id)}
                    onMouseLeave={() => setHot(null)}
                  >
                    <title>{labelOf(LOCATION_CHOICES, region.id)}</title>
                  </ShapeEl>
                );
              })}
              <text x="3" y="146" class="mark">
                {view.marks[0]}
              </text>
              <text x="97" y="146" class="mark" text-anchor="end">
                {view.marks[1]}
              </text>
            </svg>
            <span class="knee-view-name">{view.name}</span>
          </div>
        ))}
      </div>
    </ChoiceGroup>
  );
}
