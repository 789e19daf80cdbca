// The result: care level first (words, icon and colour, and where to go for the most urgent sign),
// what to do now (the load change in numbers, in the runner's units), each warning sign with the
// place to go for THAT sign, the likely causes with the runner's own answers as reasons, the
// engine's plan, sources as links with titles, one disclaimer, and a plain-text summary to copy
// for a clinician. Everything shown comes from triage().
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from '#imports';
import type { Answers } from '../../lib/checker/answers';
import type { StepId } from '../../lib/checker/questions';
import { STRONG_MATCH_SCORE, matchLabel, shownConditions, summaryText } from '../../lib/checker/summary';
import { CARE_LEVEL_INFO } from '../../lib/triage';
import type { CareLevel, TriageResult } from '../../lib/triage/types';
import { localToday } from '../../lib/checker/prefill-apply';
import { StartEpisode } from '../loop/StartEpisode';
import { ChangeAnswers } from './ChangeAnswers';

const TONE: Record<CareLevel, string> = {
  emergency: 'danger',
  'same-day': 'danger',
  'see-clinician': 'warn',
  'modify-load': 'info',
  'keep-running': 'ok',
};

/** A different shape per level, so the icon means something without its colour. */
function CareIcon({ care }: { care: CareLevel }) {
  const common = { width: 28, height: 28, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: 'false', class: 'care-icon' } as const;
  const stroke = {
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  } as const;
  switch (care) {
    case 'emergency': // octagon with an exclamation mark
      return (
        <svg {...common}>
          <path {...stroke} d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" />
          <path {...stroke} d="M12 7v6M12 17h.01" />
        </svg>
      );
    case 'same-day': // clock
      return (
        <svg {...common}>
          <circle {...stroke} cx="12" cy="12" r="10" />
          <path {...stroke} d="M12 6v6l4 2" />
        </svg>
      );
    case 'see-clinician': // calendar with a cross
      return (
        <svg {...common}>
          <rect {...stroke} x="3" y="4" width="18" height="18" rx="2" />
          <path {...stroke} d="M16 2v4M8 2v4M3 10h18M12 13v6M9 16h6" />
        </svg>
      );
    case 'modify-load': // sliders
      return (
        <svg {...common}>
          <path {...stroke} d="M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6" />
        </svg>
      );
    case 'keep-running': // tick in a circle
      return (
        <svg {...common}>
          <circle {...stroke} cx="12" cy="12" r="10" />
          <path {...stroke} d="M7 12.5l3 3 7-7" />
        </svg>
      );
  }
}

function List({ items, class: cls }: { items: readonly string[]; class?: string }) {
  return (
    <ul class={cls}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Each warning sign with where to go for that sign. */
function FlagList({ flags, class: cls }: { flags: TriageResult['redFlags']; class?: string }) {
  return (
    <ul class={cls}>
      {flags.map((f) => (
        <li key={f.id} data-flag={f.id}>
          {f.message}
          <span class="flag-place">
            <strong>Where to go: </strong>
            {f.place}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section(props: { title: string; children: JSX.Element | JSX.Element[] | (JSX.Element | false)[]; open?: boolean }) {
  return (
    <details class="plan-section" open={props.open}>
      <summary>{props.title}</summary>
      <div class="plan-body">{props.children}</div>
    </details>
  );
}

export function ResultView(props: {
  result: TriageResult;
  answers: Answers;
  shortcut: boolean;
  headingRef: { current: HTMLHeadingElement | null };
  onContinue: () => void;
  onChange: (step: StepId) => void;
  onStartOver: () => void;
}) {
  const { result, answers, shortcut, headingRef } = props;
  const [copyStatus, setCopyStatus] = useState('');
  const info = CARE_LEVEL_INFO[result.care];
  const plan = result.plan;
  // The banner already says the first action; do not repeat it word for word. The training change
  // leads "What to do now" (never only in a collapsed section) when running is part of the plan.
  const urgent = result.care === 'emergency' || result.care === 'same-day';
  const now = [
    ...(!urgent && plan.load.summary ? [plan.load.summary] : []),
    ...plan.now.filter((step) => step.trim() !== result.careSummary.action.trim()),
  ];
  const likely = shownConditions(result, shortcut);
  // redFlags come most urgent first: lead with that level, list the rest apart.
  const topFlagCare = result.redFlags[0]?.care;
  const urgentFlags = result.redFlags.filter((f) => f.care === topFlagCare);
  const otherFlags = result.redFlags.filter((f) => f.care !== topFlagCare);

  const copy = async () => {
    const text = summaryText(answers, result, { shortcut });
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus('Copied. Paste it into a message or show it on your phone.');
    } catch {
      setCopyStatus('Could not copy here. Select the text in "Summary text" below and copy it.');
    }
  };

  const openSettings = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  return (
    <article class="result" data-care={result.care}>
      <h1 ref={headingRef} tabIndex={-1} class="result-heading">
        Your result
      </h1>

      <div class={`care-banner tone-${TONE[result.care]}`} data-testid="care-banner">
        <CareIcon care={result.care} />
        <div>
          <p class="care-level">
            <span class="visually-hidden">Care level: </span>
            {info.label}
          </p>
          <p class="care-title">{result.careSummary.title}</p>
          <p class="care-action">{result.careSummary.action}</p>
        </div>
      </div>

      {shortcut && (
        <div class="note shortcut-note">
          <p>
            You reported a warning sign that needs help {result.care === 'emergency' ? 'now' : 'today'}, so the other questions were
            skipped. Please act on this first.
          </p>
          <button type="button" class="btn" onClick={props.onContinue}>
            Answer the rest to see the likely causes
          </button>
        </div>
      )}

      {now.length > 0 && (
        <section aria-labelledby="r-now">
          <h2 id="r-now">What to do now</h2>
          <List items={now} class="now-list" />
        </section>
      )}

      {urgentFlags.length > 0 && (
        <section aria-labelledby="r-flags">
          <h2 id="r-flags">Warning signs you reported</h2>
          <FlagList flags={urgentFlags} class="flag-list" />
          {/* Less urgent signs stay visible, but must not read as the advice for today. */}
          {otherFlags.length > 0 && (
            <>
              <p class="why-label">Also mention when you are seen:</p>
              <FlagList flags={otherFlags} class="flag-list flag-list-other" />
            </>
          )}
        </section>
      )}

      <section aria-labelledby="r-causes">
        <h2 id="r-causes">Likely causes</h2>
        <ol class="conditions">
          {likely.map((c) => (
            <li key={c.id} class="condition" data-condition={c.id}>
              <p class="condition-head">
                <span class="condition-name">{c.name}</span>
                <span class={`match${c.score >= STRONG_MATCH_SCORE ? ' match-strong' : ''}`}>{matchLabel(c.score)}</span>
              </p>
              {!shortcut && c.why.length > 0 && (
                <>
                  <p class="why-label">Because you said:</p>
                  <List items={c.why} class="why" />
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      {plan.avoid.length > 0 && (
        <Section title="What to avoid for now">
          <List items={plan.avoid} />
        </Section>
      )}
      {plan.load.steps.length > 0 && (
        <Section title="Your training plan">
          <List items={plan.load.steps} />
        </Section>
      )}
      {plan.strength.length > 0 && (
        <Section title="Strength and mobility">
          <ul class="exercises">
            {plan.strength.map((ex, i) => (
              <li key={i}>
                <strong>{ex.name}</strong>: {ex.dose}
                <span class="ex-why">{ex.why}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {plan.returnToRun.readiness.length + plan.returnToRun.steps.length + plan.returnToRun.painRules.length > 0 && (
        <Section title="Getting back to running">
          {plan.returnToRun.readiness.length > 0 && <h3>Ready when</h3>}
          {plan.returnToRun.readiness.length > 0 && <List items={plan.returnToRun.readiness} />}
          {plan.returnToRun.steps.length > 0 && <h3>Steps</h3>}
          {plan.returnToRun.steps.length > 0 && <List items={plan.returnToRun.steps} />}
          {plan.returnToRun.painRules.length > 0 && <h3>Pain rules</h3>}
          {plan.returnToRun.painRules.length > 0 && <List items={plan.returnToRun.painRules} />}
        </Section>
      )}
      {plan.escalate.length > 0 && (
        <Section title="When to get help">
          <List items={plan.escalate} />
        </Section>
      )}
      {result.sources.length > 0 && (
        <Section title="Sources">
          <ul class="sources">
            {result.sources.map((s) => (
              <li key={s.id}>
                {/* Opened by the runner in a new tab; the extension itself never requests it. */}
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
                <span class="source-citation">{s.citation}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <p class="disclaimer">{result.disclaimer}</p>

      {!shortcut && likely[0] && (
        <StartEpisode care={result.care} topCause={likely[0]} side={answers.side} locations={answers.locations} today={localToday()} />
      )}

      <div class="result-actions">
        <button type="button" class="btn btn-primary" onClick={copy}>
          Copy summary for your clinician
        </button>
        <a class="btn" href={browser.runtime.getURL('/report.html')} target="_blank" rel="noopener">
          Printable summary (print or save as PDF)
        </a>
        <p class="copy-status" role="status">
          {copyStatus}
        </p>
        <details class="summary-text">
          <summary>Summary text</summary>
          <pre tabIndex={0} aria-label="Summary text">
            {summaryText(answers, result, { shortcut })}
          </pre>
        </details>
        <ChangeAnswers onChange={props.onChange} />
        <p class="result-links">
          <button type="button" class="btn-link" onClick={props.onStartOver}>
            Start over
          </button>
          <a href={browser.runtime.getURL('/options.html')} onClick={openSettings}>
            Settings
          </a>
        </p>
      </div>
    </article>
  );
}
