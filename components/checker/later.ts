// What the popup loads after its first screen (see ./lazy): the engine call and the result screen,
// in one chunk.
export { runTriage } from '../../lib/checker/run-triage';
export { ResultView } from './Result';
