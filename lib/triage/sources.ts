// The triage's view of the one evidence registry (lib/evidence): rules, conditions and plan items
// refer to source ids; the result lists each cited source once, with its title and link.
import { EVIDENCE, type EvidenceId } from '../evidence';
import type { SourceRef } from './types';

export type SourceId = EvidenceId;

/** id -> full citation, for every source the triage may cite. */
export const SOURCES: Readonly<Record<SourceId, string>> = Object.fromEntries(
  Object.values(EVIDENCE).map((s) => [s.id, s.citation]),
) as Record<SourceId, string>;

export function source(id: SourceId): SourceRef {
  const s = EVIDENCE[id];
  return { id: s.id, citation: s.citation, title: s.title, url: s.url };
}

export function sources(...ids: SourceId[]): SourceRef[] {
  return ids.map(source);
}

/** Deduplicate by id, keeping first-seen order. */
export function uniqueSources(list: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
