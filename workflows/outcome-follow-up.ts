import { ApplicationFailure, condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';
import {
  confirmFollowUpUpdate,
  FOLLOW_UP_MONTHS,
  type FollowUpConfirmation,
  type FollowUpInput,
} from '../src/contract/definitions';
import { addCalendarMonths } from '../src/case/decision-helpers';

const { remindFollowUp, markFollowUp } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * R-EVAL: a person's outcomes are followed up 6, 12 and 24 months after their diversion or booking.
 * At each, the agency's sergeants are reminded to confirm the outcomes are recorded; a reminder left
 * unconfirmed for the configured time makes the follow-up stuck (the supervisors' stuck list) until it
 * is confirmed.
 */
export async function outcomeFollowUp(input: FollowUpInput): Promise<{ confirmed: number[] }> {
  const due = new Set<number>();
  const confirmed = new Map<number, FollowUpConfirmation>();
  setHandler(
    confirmFollowUpUpdate,
    (confirmation) => {
      confirmed.set(confirmation.months, confirmation);
      return { months: confirmation.months };
    },
    {
      validator: ({ months }: { months: number }) => {
        if (!due.has(months))
          throw ApplicationFailure.nonRetryable(
            `The ${months}-month follow-up of ${input.recordId} is not due (follow-ups fall due at ${FOLLOW_UP_MONTHS.join(', ')} months; R-EVAL)`,
            'FOLLOW_UP_NOT_DUE',
          );
        if (confirmed.has(months))
          throw ApplicationFailure.nonRetryable(
            `The ${months}-month follow-up of ${input.recordId} is already confirmed (R-EVAL)`,
            'FOLLOW_UP_CONFIRMED',
          );
      },
    },
  );
  for (const months of FOLLOW_UP_MONTHS) {
    const dueAt = addCalendarMonths(input.startedAt, months);
    await sleep(Math.max(0, Date.parse(dueAt) - Date.now()));
    due.add(months);
    await remindFollowUp({ recordId: input.recordId, agency: input.agency, months, dueAt });
    if (!(await condition(() => confirmed.has(months), input.confirmWithinMs))) {
      await markFollowUp({ recordId: input.recordId, months, stuck: true });
      await condition(() => confirmed.has(months));
    }
    const { actor } = confirmed.get(months)!;
    await markFollowUp({ recordId: input.recordId, months, confirmedById: actor.id });
  }
  return { confirmed: [...confirmed.keys()] };
}
