// One titled block of the options page. Every section uses it, so headings and spacing match.
import type { ComponentChildren } from 'preact';

export interface SectionProps {
  /** Used for the heading id ("<id>-title"); also the section's id for links. */
  id: string;
  title: string;
  /** One short paragraph under the heading. */
  intro?: ComponentChildren;
  children?: ComponentChildren;
}

export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section class="options-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="options-section__intro">{intro}</p>}
      <div class="stack">{children}</div>
    </section>
  );
}
