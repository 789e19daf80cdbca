// The words the generic detector looks for, as data apart from the detector (lib/sites/generic.ts
// builds its patterns from them): week labels, "this week" / "last week", running and other
// sports, in the languages runners' logs use. Add a language here, not in the detector.
// Entries of the *_STEMS lists are regular-expression fragments (\\p{L}* continues a stem); the
// phrase lists are plain lower-case text. Pure data: the content script imports it.

/** Words for "week" (and weekly), matched at the start of a word. */
export const WEEK_STEMS: readonly string[] = [
  'week(?!end|day)\\p{L}*', 'wk', 'woche\\p{L}*', 'wöchentlich\\p{L}*', 'semaine\\p{L}*', 'hebdo\\p{L}*', 'semana\\p{L}*',
  'semanal\\p{L}*', 'settiman\\p{L}*', 'vecka\\p{L}*', 'veckan', 'uke\\p{L}*', 'uge\\p{L}*', 'viiko\\p{L}*', 'viikko\\p{L}*',
  'tydzie\\p{L}*', 'tygodni\\p{L}*', 'týd\\p{L}*', 'неде\\p{L}*', 'тижд\\p{L}*', 'εβδομάδ\\p{L}*',
];
/** "Week" in scripts without word boundaries (matched anywhere). */
export const WEEK_SCRIPT_WORDS: readonly string[] = ['週', '周', '주간', '이번 주', '지난 주'];

export const THIS_WEEK_PHRASES: readonly string[] = [
  'this week', 'current week', 'diese woche', 'dieser woche', 'cette semaine', 'esta semana', 'questa settimana',
  'deze week', 'denna vecka', 'den här veckan', 'denne uge', 'denne uken', 'tämä viikko', 'tällä viikolla',
  'ten tydzień', 'w tym tygodniu', 'эта неделя', 'этой неделе', 'цього тижня', '今週', '本周', '这周', '이번 주',
];

export const LAST_WEEK_PHRASES: readonly string[] = [
  'last week', 'previous week', 'letzte woche', 'letzten woche', 'vorwoche', 'semaine dernière', 'semaine précédente',
  'semaine passée', 'semana pasada', 'semana anterior', 'settimana scorsa', 'settimana precedente', 'vorige week',
  'förra veckan', 'sidste uge', 'forrige uke', 'viime viikko', 'viime viikolla', 'zeszły tydzień', 'poprzedni tydzień',
  'прошлая неделя', 'прошлой неделе', 'минулого тижня', '先週', '上周', '지난 주',
];

/** Running, as a whole word. */
export const RUN_STEMS: readonly string[] = [
  'run', 'runs', 'running', 'jog\\p{L}*', 'trail ?run\\p{L}*', 'treadmill', 'lauf', 'laufen', 'dauerlauf', 'course à pied',
  'footing', 'carrera', 'correr', 'corsa', 'hardlo\\p{L}*', 'löpning', 'löp', 'løb', 'løping', 'juoksu', 'bieg', 'бег', 'пробежка',
];
export const RUN_SCRIPT_WORDS: readonly string[] = ['ラン', '跑步', '러닝'];

/** Other sports, as whole words: a row naming one is not a run. */
export const OTHER_SPORT_STEMS: readonly string[] = [
  'ride', 'riding', 'bike', 'biking', 'cycl\\p{L}*', 'swim\\p{L}*', 'walk\\p{L}*', 'hike', 'hiking', 'row\\p{L}*', 'ski\\p{L}*',
  'rad\\p{L}*', 'schwimm\\p{L}*', 'wander\\p{L}*', 'vélo', 'velo', 'natation', 'marche', 'randonnée', 'ciclismo', 'natación',
  'caminata', 'nuoto', 'fiets\\p{L}*', 'zwem\\p{L}*', 'cykl\\p{L}*', 'simning', 'gång', 'yoga', 'strength', 'kraft',
];
