// "Where does it hurt?": three small drawings of a knee (front, outside, back) whose regions toggle
// the same answers as the labelled checkboxes below them. The checkboxes are the accessible
// controls; the drawing is a mouse/touch mirror, hidden from assistive technology.
import type { SVGAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { Location } from '../../lib/triage/types';
import { LOCATION_CHOICES, labelOf } from '../../lib/checker/questions';
import { ChoiceGroup } from './fields';

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

const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
const rect = (x: number, y: number, width: number, height: number): Shape => ({ kind: 'rect', x, y, width, height });
const path = (d: string): Shape => ({ kind: 'path', d });

const FRONT_OUTLINE = 'M20 2 H80 L74 48 C79 64 78 84 71 100 L66 148 H34 L29 100 C22 84 21 64 26 48 Z';
const KNEE_ZONE = 'M26 44 H74 C78 62 77 84 71 101 H29 C23 84 22 62 26 44 Z';
const THIGH_ZONE = 'M23 6 H77 L73 34 H27 Z';

// Drawing order is stacking order: the broad "whole knee" zone first, small landmarks last.
const VIEWS: View[] = [
  {
    name: 'Front',
    outline: FRONT_OUTLINE,
    marks: ['inside', 'outside'],
    regions: [
      { id: 'whole-knee', shape: path(KNEE_ZONE) },
      { id: 'thigh-muscles', shape: path(THIGH_ZONE) },
      { id: 'above-kneecap', shape: ellipse(50, 42, 13, 5) },
      { id: 'inside', shape: ellipse(32, 64, 5.5, 11) },
      { id: 'outside', shape: ellipse(68, 64, 5.5, 11) },
      { id: 'front', shape: ellipse(50, 62, 12, 12.5) },
      { id: 'joint-line', shape: rect(27, 78, 46, 5) },
      { id: 'below-kneecap', shape: ellipse(50, 92, 7, 6.5) },
    ],
  },
  {
    name: 'Outside',
    outline:
      'M28 2 H76 C77 30 77 46 75 56 C74 70 75 80 70 96 C67 112 66 130 64 148 H36 C36 128 34 110 31 98 C24 86 18 72 21 60 C23 50 26 36 28 2 Z',
    marks: ['front', 'back'],
    regions: [
      { id: 'whole-knee', shape: path('M24 44 H75 C75 64 75 80 71 100 H31 C25 88 18 72 21 60 Z') },
      { id: 'thigh-muscles', shape: path('M31 6 H73 L74 34 H29 Z') },
      { id: 'above-kneecap', shape: ellipse(29, 43, 5, 5) },
      { id: 'front', shape: ellipse(25, 60, 5.5, 10) },
      { id: 'outside', shape: ellipse(50, 60, 12, 12) },
      { id: 'back', shape: ellipse(70, 62, 5, 12) },
      { id: 'joint-line', shape: rect(34, 77, 36, 5) },
      { id: 'below-kneecap', shape: ellipse(32, 88, 5, 7) },
    ],
  },
  {
    name: 'Back',
    outline: FRONT_OUTLINE,
    marks: ['outside', 'inside'],
    regions: [
      { id: 'whole-knee', shape: path(KNEE_ZONE) },
      { id: 'thigh-muscles', shape: path(THIGH_ZONE) },
      { id: 'outside', shape: ellipse(31, 62, 5, 10) },
      { id: 'inside', shape: ellipse(69, 62, 5, 10) },
      { id: 'back', shape: path('M50 44 L62 62 L50 80 L38 62 Z') },
      { id: 'joint-line', shape: rect(27, 84, 46, 5) },
    ],
  },
];

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
