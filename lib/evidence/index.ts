// The one evidence registry (issue 10 item 4): every source the product cites, with its full
// citation, title and a link, plus the few numbers several modules must agree on (the single-run
// spike bands and the look-back window behind them). Pure data: no DOM, no zod, no Preact, so
// the content script, the options page, the popup and the triage engine can all import it.
//
// Links: a DOI or the publisher's page where it is certain; otherwise a PubMed search for the
// exact title, which always leads to the paper. Nothing here is fetched by the extension: the
// links are shown to the runner to open themselves.

export interface EvidenceSource {
  /** Short key, e.g. "frandsen-2025". */
  id: string;
  /** Full citation: authors, journal, year;volume:pages. */
  citation: string;
  /**
   * The title of the paper or guideline as published; for the two return-to-running protocols,
   * whose exact titles were not checked, a description of the document (their links are exact).
   */
  title: string;
  /** Where to read it. */
  url: string;
}

const pubmed = (title: string) => `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(title)}`;

const define = <const T extends Record<string, Omit<EvidenceSource, 'id'>>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([id, s]) => [id, { id, ...s }])) as {
    [K in keyof T]: EvidenceSource & { id: K };
  };

export const EVIDENCE = define({
  // ---- training load (evidence.md §1) ----
  'frandsen-2025': {
    citation: 'Frandsen JSB, et al. Br J Sports Med 2025;59:1203-1210 (Garmin-RUNSAFE, 5,205 runners)',
    title: 'How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study',
    url: pubmed('Identifying high-risk running sessions in a 5200-person cohort study'),
  },
  'nielsen-2014': {
    citation: 'Nielsen RO, et al. J Orthop Sports Phys Ther 2014;44:739-747',
    title:
      'Excessive progression in weekly running distance and risk of running-related injuries: an association which varies according to type of injury',
    url: pubmed('Excessive progression in weekly running distance and risk of running-related injuries'),
  },
  'buist-2008': {
    citation: 'Buist I, et al. Am J Sports Med 2008;36:33-39',
    title:
      'No effect of a graded training program on the number of running-related injuries in novice runners: a randomized controlled trial',
    url: pubmed('No effect of a graded training program on the number of running-related injuries in novice runners'),
  },
  'williams-2017': {
    citation: 'Williams S, et al. Br J Sports Med 2017;51:209-210',
    title: 'Better way to determine the acute:chronic workload ratio?',
    url: pubmed('Better way to determine the acute:chronic workload ratio'),
  },
  'impellizzeri-2021': {
    citation: 'Impellizzeri FM, et al. Sports Med 2021;51:581-592',
    title: 'What role do chronic workloads play in the acute to chronic workload ratio? Time to dismiss ACWR and its underlying theory',
    url: pubmed('Time to dismiss ACWR and its underlying theory'),
  },
  'malisoux-2015': {
    citation: 'Malisoux L, et al. Scand J Med Sci Sports 2015;25:110-115',
    title: 'Can parallel use of different running shoes decrease running-related injury risk?',
    url: pubmed('Can parallel use of different running shoes decrease running-related injury risk'),
  },
  'kong-2009': {
    citation: 'Kong PW, Candelaria NG, Smith DR. Br J Sports Med 2009;43:745-749',
    title: 'Running in new and worn shoes: a comparison of three types of cushioning footwear',
    url: pubmed('Running in new and worn shoes: a comparison of three types of cushioning footwear'),
  },
  'heiderscheit-2011': {
    citation: 'Heiderscheit BC, et al. Med Sci Sports Exerc 2011;43:296-302',
    title: 'Effects of step rate manipulation on joint mechanics during running',
    url: pubmed('Effects of step rate manipulation on joint mechanics during running'),
  },
  'lenhart-2014': {
    citation: 'Lenhart RL, et al. Med Sci Sports Exerc 2014;46:557-564',
    title: 'Increasing running step rate reduces patellofemoral joint forces',
    url: pubmed('Increasing running step rate reduces patellofemoral joint forces'),
  },
  'nielsen-2014-recovery': {
    citation: 'Nielsen RO, et al. PLoS One 2014 (DANO-RUN novice cohort: median 71 days to recover)',
    title: 'Time to recovery from running-related injuries in novice runners (DANO-RUN cohort)',
    url: pubmed('DANO-RUN novice runners running-related injury Nielsen PLoS One 2014'),
  },
  // ---- knee conditions (§2) ----
  'crossley-2016': {
    citation: 'Crossley KM, et al. Br J Sports Med 2016;50:839-843',
    title:
      '2016 Patellofemoral pain consensus statement from the 4th International Patellofemoral Pain Research Retreat, Manchester. Part 1',
    url: pubmed('2016 Patellofemoral pain consensus statement from the 4th International Patellofemoral Pain Research Retreat'),
  },
  'esculier-2018': {
    citation: 'Esculier JF, et al. Br J Sports Med 2018;52:659-666',
    title:
      'Is combining gait retraining or an exercise programme with education better than education alone in treating runners with patellofemoral pain? A randomised clinical trial',
    url: pubmed(
      'Is combining gait retraining or an exercise programme with education better than education alone in treating runners with patellofemoral pain',
    ),
  },
  'malliaras-2015': {
    citation: 'Malliaras P, et al. J Orthop Sports Phys Ther 2015;45:887-898',
    title: 'Patellar tendinopathy: clinical diagnosis, load management, and advice for challenging case presentations',
    url: pubmed('Patellar tendinopathy: clinical diagnosis, load management, and advice for challenging case presentations'),
  },
  'valentino-2012': {
    citation: 'Valentino M, Quiligotti C, Ruggirello M. J Ultrasound 2012;15:127-131',
    title: 'Sinding-Larsen-Johansson syndrome: a case report',
    url: 'https://doi.org/10.1016/j.jus.2012.03.001',
  },
  'itb-review': {
    citation: 'Strauss EJ, et al. J Am Acad Orthop Surg 2011;19:728-736',
    title: 'Iliotibial band syndrome: evaluation and management',
    url: pubmed('Iliotibial band syndrome: evaluation and management Strauss'),
  },
  'pes-anserine-review': {
    citation: 'Helfenstein M Jr, Kuromoto J. Rev Bras Reumatol 2010;50:313-327',
    title: 'Anserine syndrome',
    url: pubmed('Anserine syndrome Helfenstein Kuromoto'),
  },
  'nhs-knee-pain': {
    citation: 'NHS: Knee pain (conditions A to Z)',
    title: 'Knee pain',
    url: 'https://www.nhs.uk/conditions/knee-pain/',
  },
  'nhs-bakers-cyst': {
    citation: "NHS: Baker's cyst (conditions A to Z)",
    title: "Baker's cyst",
    url: 'https://www.nhs.uk/conditions/bakers-cyst/',
  },
  'fat-pad-review': {
    citation: 'Dragoo JL, Johnson C, McConnell J. Sports Med 2012;42:51-67',
    title: 'Evaluation and treatment of disorders of the infrapatellar fat pad',
    url: pubmed('Evaluation and treatment of disorders of the infrapatellar fat pad'),
  },
  'doms-review': {
    citation: 'Cheung K, Hume P, Maxwell L. Sports Med 2003;33:145-164',
    title: 'Delayed onset muscle soreness: treatment strategies and performance factors',
    url: pubmed('Delayed onset muscle soreness: treatment strategies and performance factors'),
  },
  'nhs-osgood-schlatter': {
    citation: 'NHS: Osgood-Schlatter disease (conditions A to Z)',
    title: 'Osgood-Schlatter disease',
    url: 'https://www.nhs.uk/conditions/osgood-schlatter-disease/',
  },
  'nice-ng226': {
    citation: 'NICE guideline NG226 (2022)',
    title: 'Osteoarthritis in over 16s: diagnosis and management',
    url: 'https://www.nice.org.uk/guidance/ng226',
  },
  'hoenig-2025': {
    citation: 'Hoenig T, Hollander K, Popp KL, et al. Br J Sports Med 2025;59:78-90',
    title: 'International Delphi consensus on bone stress injuries in athletes',
    url: 'https://doi.org/10.1136/bjsports-2024-108616',
  },
  'matava-1999': {
    citation: 'Matava MJ, et al. J Pediatr Orthop 1999;19:455-460',
    title: 'Knee pain as the initial symptom of slipped capital femoral epiphysis: an analysis of initial presentation and treatment',
    url: pubmed('Knee pain as the initial symptom of slipped capital femoral epiphysis'),
  },
  'peck-2017': {
    citation: 'Peck DM, Voss LM, Voss TT. Am Fam Physician 2017;95:779-784',
    title: 'Slipped capital femoral epiphysis: diagnosis and management',
    url: 'https://www.aafp.org/pubs/afp/issues/2017/0615/p779.html',
  },
  // ---- warning signs and decision rules (§3, §7) ----
  'bsr-2006': {
    citation: 'Coakley G, et al. (BSR/BHPR/BOA/RCGP/BSAC). Rheumatology 2006;45:1039-1041',
    title: 'BSR & BHPR, BOA, RCGP and BSAC guidelines for management of the hot swollen joint in adults',
    url: pubmed('guidelines for management of the hot swollen joint in adults'),
  },
  'stiell-1995': {
    citation: 'Stiell IG, et al. Ann Emerg Med 1995;26:405-413 (Ottawa knee rule)',
    title: 'Derivation of a decision rule for the use of radiography in acute knee injuries',
    url: pubmed('Derivation of a decision rule for the use of radiography in acute knee injuries'),
  },
  'seaberg-1998': {
    citation: 'Seaberg DC, et al. Ann Emerg Med 1998;32:8-13 (Pittsburgh knee rule)',
    title: 'Multicenter comparison of two clinical decision rules for the use of radiography in acute, high-risk knee injuries',
    url: pubmed('Multicenter comparison of two clinical decision rules for the use of radiography in acute, high-risk knee injuries'),
  },
  'nice-ng158': {
    citation: 'NICE guideline NG158 (2020, updated 2023)',
    title: 'Venous thromboembolic diseases: diagnosis, management and thrombophilia testing',
    url: 'https://www.nice.org.uk/guidance/ng158',
  },
  'nice-ng12': {
    citation: 'NICE guideline NG12 (2015, updated)',
    title: 'Suspected cancer: recognition and referral',
    url: 'https://www.nice.org.uk/guidance/ng12',
  },
  'nice-ng100': {
    citation: 'NICE guideline NG100 (2018, updated 2020)',
    title: 'Rheumatoid arthritis in adults: management',
    url: 'https://www.nice.org.uk/guidance/ng100',
  },
  'nhs-acute-knee': {
    citation: 'NHS: Knee pain, "urgent advice" and "go to A&E" (conditions A to Z)',
    title: 'Knee pain: when to get help',
    url: 'https://www.nhs.uk/conditions/knee-pain/',
  },
  'rch-scfe': {
    citation: "The Royal Children's Hospital Melbourne, Clinical Practice Guideline",
    title: 'Slipped upper femoral epiphysis (SUFE)',
    url: 'https://www.rch.org.au/clinicalguide/guideline_index/Slipped_upper_femoral_epiphysis_SUFE/',
  },
  // ---- return to running and first aid (§4, §6, §7) ----
  'silbernagel-2007': {
    citation: 'Silbernagel KG, et al. Am J Sports Med 2007;35:897-906 (pain-monitoring model)',
    title:
      'Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study',
    url: pubmed('Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy'),
  },
  'trials-2023': {
    citation: 'Trials 2023;24:520 (study protocol; walk-run programme, table 1)',
    title: 'Walk-run return-to-running programme (trial protocol in Trials, 2023; table 1)',
    url: 'https://doi.org/10.1186/s13063-023-07502-x',
  },
  'delaware-walk-run': {
    citation: 'Return-to-running progression, table 4 (PMC6693858)',
    title: 'Return to running: a walk-run progression (University of Delaware), table 4',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6693858/',
  },
  'peace-love': {
    citation: 'Dubois B, Esculier JF. Br J Sports Med 2020;54:72-73',
    title: 'Soft-tissue injuries simply need PEACE and LOVE',
    url: pubmed('Soft-tissue injuries simply need PEACE and LOVE'),
  },
});

export type EvidenceId = keyof typeof EVIDENCE;

export function evidence(id: EvidenceId): EvidenceSource {
  return EVIDENCE[id];
}

// The shared numbers live in ./numbers (tiny, safe for the content script); re-exported here.
export { SPIKE_BANDS, SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from './numbers';
