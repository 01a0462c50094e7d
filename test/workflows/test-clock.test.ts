import { randomUUID } from 'node:crypto';
import { CaseWorkflows } from '../../src/temporal/case-workflows';
import { arrestInput, DAY, RecordingActivities, withWorker, workflowEnvOfFile } from '../support/workflow-env';

/**
 * The harness every rule clock relies on: a test that ends with a workflow task outstanding must not
 * stop the next test's clock (`keepClockSkipping` in test/support/workflow-env.ts).
 */
const wf = workflowEnvOfFile();

test('a case terminated with its first workflow task outstanding leaves the next test a clock that still skips 31 days', async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    // On a task queue no worker polls, the case's first workflow task is outstanding until it is terminated.
    const input = arrestInput();
    wf.started.add(input.referralId);
    await new CaseWorkflows(wf.env.client, `unpolled-${randomUUID()}`).startArrestDiversion(input);
  });

  const before = await wf.env.currentTimeMs();
  await wf.env.sleep(31 * DAY);
  expect((await wf.env.currentTimeMs()) - before).toBeGreaterThanOrEqual(31 * DAY);
});
