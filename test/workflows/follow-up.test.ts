import { randomUUID } from 'node:crypto';
import type { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import type { outcomeFollowUp } from '../../workflows';
import { confirmFollowUpUpdate, followUpWorkflowId, type FollowUpInput } from '../../src/contract/definitions';
import { DAY, RecordingActivities, workflowEnvOfFile, withWorker } from '../support/workflow-env';
import { waitFor } from '../support/wait-for';

/**
 * R-EVAL follow-ups on the real workflow with stubbed activities: reminders fall due 6, 12 and 24
 * calendar months after the diversion or booking; a confirmation is an Update its validator refuses
 * before it is due or once given; a reminder left unconfirmed for the configured time is stuck until
 * it is confirmed.
 */
const wf = workflowEnvOfFile();

const sergeant = { id: 'sgt-bpd', role: 'sergeant' };

test('R-EVAL: reminded at 6, 12 and 24 months and not before; refused early or twice; stuck when left unconfirmed 30 days', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const recordId = `BKG-${randomUUID().slice(0, 8)}`;
    const input: FollowUpInput = {
      recordId,
      agency: 'BURIEN_PD',
      startedAt: new Date(await wf.env.currentTimeMs()).toISOString(),
      confirmWithinMs: 30 * DAY,
    };
    const handle = await wf.env.client.workflow.start<typeof outcomeFollowUp>('outcomeFollowUp', {
      workflowId: followUpWorkflowId(recordId),
      taskQueue: wf.taskQueue,
      args: [input],
    });
    wf.started.add(handle.workflowId);
    const confirm = (months: number) =>
      handle.executeUpdate(confirmFollowUpUpdate, { args: [{ months, actor: sergeant }] });
    /** What the validator said (the API answers it as a 409). */
    const refusal = (months: number) =>
      confirm(months).then(
        () => 'accepted',
        (err: WorkflowUpdateFailedError) => (err.cause as ApplicationFailure).type,
      );
    const reminded = (n: number) =>
      waitFor(() => stubs.callsOf('remindFollowUp').length === n, `reminder ${n} of ${recordId}`);

    expect(await refusal(6)).toBe('FOLLOW_UP_NOT_DUE');
    await wf.env.sleep(180 * DAY);
    expect(stubs.callsOf('remindFollowUp')).toEqual([]);
    await wf.env.sleep(5 * DAY);
    await reminded(1);
    expect(stubs.callsOf('remindFollowUp')[0]).toMatchObject({ recordId, agency: 'BURIEN_PD', months: 6 });
    expect(await refusal(12)).toBe('FOLLOW_UP_NOT_DUE');
    expect(await confirm(6)).toEqual({ months: 6 });
    expect(await refusal(6)).toBe('FOLLOW_UP_CONFIRMED');

    await wf.env.sleep(181 * DAY); // day 366: the 12-month reminder went out on day 365
    await reminded(2);
    await wf.env.sleep(28 * DAY);
    expect(stubs.callsOf('markFollowUp').filter((m) => m.stuck)).toEqual([]);
    await wf.env.sleep(2 * DAY);
    await waitFor(() => stubs.callsOf('markFollowUp').some((m) => m.stuck), 'the 12-month follow-up stuck');
    expect(stubs.callsOf('markFollowUp').filter((m) => m.stuck)).toEqual([{ recordId, months: 12, stuck: true }]);
    await confirm(12);

    await wf.env.sleep(366 * DAY);
    await reminded(3);
    await confirm(24);
    expect(await handle.result()).toEqual({ confirmed: [6, 12, 24] });
    expect(
      stubs
        .callsOf('markFollowUp')
        .filter((m) => m.confirmedById)
        .map((m) => m.months),
    ).toEqual([6, 12, 24]);
  });
});
