// The build leaves the knowledge base's reader-only fields out (wxt.config.ts); the engine must
// not need them. scripts/audit-bundles.mjs checks the built files themselves.
import { describe, expect, it } from 'vitest';
import advice from '../../../lib/triage/advice.json' with { type: 'json' };
import conditions from '../../../lib/triage/conditions.json' with { type: 'json' };
import planItems from '../../../lib/triage/plan-items.json' with { type: 'json' };
import { isKnowledgeBaseFile, withoutReaderNotes } from '../../../lib/triage/reader-notes';

const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

describe('the knowledge base without its reader notes', () => {
  it('drops "note" and "$comment" at any depth, and nothing else', () => {
    expect(withoutReaderNotes({ $comment: 'c', a: [{ note: 'n', w: 2, text: 'note' }, 'note'], b: { note: 'x', c: null } })).toEqual({
      a: [{ w: 2, text: 'note' }, 'note'],
      b: { c: null },
    });
    for (const file of [advice, conditions, planItems]) {
      const stripped = withoutReaderNotes(file);
      expect(keysOf(stripped)).not.toContain('note');
      expect(keysOf(stripped).length).toBe(keysOf(file).filter((k) => k !== 'note' && k !== '$comment').length);
    }
    expect(keysOf(conditions)).toContain('note');
  });

  it('applies to lib/triage/*.json only', () => {
    expect(isKnowledgeBaseFile('/work/main/lib/triage/conditions.json')).toBe(true);
    expect(isKnowledgeBaseFile('C:\\kc\\lib\\triage\\advice.json?import')).toBe(true);
    expect(isKnowledgeBaseFile('/work/main/lib/checker/choices.json')).toBe(false);
    expect(isKnowledgeBaseFile('/work/main/lib/triage/conditions.ts')).toBe(false);
  });
});
