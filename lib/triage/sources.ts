// Every source the triage cites, in one registry, so rules and conditions refer to ids and the
// result can list each citation once. Entries come from docs/research/evidence.md unless
// marked otherwise; "seed" entries are the project's seed articles summarised there.
import type { SourceRef } from './types';

export const SOURCES = {
  // §1 training load
  'frandsen-2025': 'Frandsen et al., BJSM 2025;59:1203-1210 (Garmin-RUNSAFE, 5,205 runners)',
  'nielsen-2014': 'Nielsen et al., JOSPT 2014;44:739-747 (weekly progression in 874 novices)',
  'buist-2008': 'Buist et al., AJSM 2008;36:33-39 (RCT of a 10 %-rule programme)',
  'damsted-2019': 'Damsted et al., JOSPT 2019;49:230-238 (half-marathon training rises)',
  'malisoux-2015': 'Malisoux et al., SJMSS 2015;25:110-115 (shoe rotation)',
  'heiderscheit-2011': 'Heiderscheit et al., MSSE 2011;43:296-302 (step rate and knee load)',
  'kong-2009': 'Kong et al., BJSM 2009 (shoe mileage: no change in impact force after 200 miles)',
  'dano-run': 'DANO-RUN novice cohort (Nielsen et al.): median 71 days to recover from injury',
  // §2 conditions
  'crossley-2016': 'Crossley et al., BJSM 2016;50:839 (patellofemoral pain consensus)',
  'malliaras-2015': 'Malliaras et al., JOSPT 2015;45:887 (patellar tendinopathy)',
  'bmj-bp-itb': 'BMJ Best Practice: iliotibial band syndrome',
  'covey-hawks': 'Covey & Hawks: pes anserine pain (review)',
  'nhs-knee': 'NHS pathways: knee injury and meniscal symptoms',
  'nice-ng226': 'NICE NG226 (2022): osteoarthritis in over 16s',
  'hoenig-2025': 'Hoenig et al., BJSM 2025;59:78 (Delphi consensus on bone stress injury)',
  'matava-1999': 'Matava et al., J Pediatr Orthop 1999: 15 % of slipped upper femoral epiphysis presents as knee pain',
  'seed-000': 'Knee Check seed article 000: table of causes of knee pain after running',
  'seed-001': 'Knee Check seed article 001: when to back off, cross-train and build back',
  'seed-004': 'Knee Check seed article 004: readiness tests before running again',
  'evidence-s2': 'Knee Check evidence notes §2: discriminating features of knee conditions',
  // §3 warning signs
  'bsr-2006': 'BSR/BOA/RCGP/BSAC guideline: the hot swollen joint, Rheumatology 2006',
  'stiell-1995': 'Stiell et al., Ottawa knee rule, Ann Emerg Med 1995',
  'nice-ng158': 'NICE NG158 (2020): venous thromboembolic diseases, scan within 4 hours',
  'nice-ng12': 'NICE NG12: suspected cancer, recognition and referral (bone pain, bone sarcoma)',
  'nice-ng100': 'NICE NG100 (2018): rheumatoid arthritis in adults',
  'evidence-s3': 'Knee Check evidence notes §3: warning signs and level of care',
  // §4 return to running
  'silbernagel-2007': 'Silbernagel et al., AJSM 2007;35:897 (pain-monitoring model)',
  'esculier-2018': 'Esculier et al., BJSM 2018 (education and load management for runners with patellofemoral pain)',
  'trials-2023': 'Walk-run return-to-running protocol, Trials 2023 (6 phases)',
  // General first-aid framework, not in evidence.md: the widely used soft-tissue mnemonic.
  'peace-love': 'Dubois & Esculier, BJSM 2020;54:72-73 (PEACE & LOVE soft-tissue care)',
} as const satisfies Record<string, string>;

export type SourceId = keyof typeof SOURCES;

export function source(id: SourceId): SourceRef {
  return { id, citation: SOURCES[id] };
}

export function sources(...ids: SourceId[]): SourceRef[] {
  return ids.map(source);
}

/** Deduplicate by id, keeping first-seen order. */
export function uniqueSources(list: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
