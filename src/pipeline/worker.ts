/**
 * The pool thread's entry point (built as `dist/pipeline-worker.js` and `.cjs`). Piscina awaits
 * the exported promise once per thread: the thread warms up (lexicons, word lists, CMUdict)
 * before it accepts its first task.
 */
import { type PipelineTask, type PipelineTaskResult, runTask, warmUp } from './tasks.js';

export default (async (): Promise<(task: PipelineTask) => PipelineTaskResult> => {
  warmUp();
  return runTask;
})();
