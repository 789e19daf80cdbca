// lib/loop: the loop that joins how the knee feels to the runs, day by day (issue 13):
// pain check-ins, the next-run ceiling and the return-to-run levels. Pure, like lib/load.
export { checkInLight, painRisingWeekOnWeek, isPainScore, SAFE_PAIN_MAX, ACCEPTABLE_PAIN_MAX } from './checkin';
export type { CheckIn, Light, LightVerdict, NextMorning } from './checkin';
export { nextRunCeiling, whatIf, CEILING_WINDOW_DAYS, RED_CUT_SHARE } from './ceiling';
export type { Ceiling, WhatIf } from './ceiling';
export { RETURN_LEVELS, TOP_LEVEL, levelInfo, recordSession, startLadder, todaySession } from './return-levels';
export type { Ladder, LadderSession, LevelChange, ReturnLevel, TodaySession } from './return-levels';
