import { addCalendarMonths, event, iso, type Deciders } from './decision-helpers';
import { rejectRule, requireStage, requireType } from './rejections';

/** Actions of social contacts only: R-SC-APPROVAL, R-SC-CONTACT, R-SC-REASSESS. */
export const socialDeciders: Deciders<'decideApproval' | 'recordContact' | 'decideReassessment'> = {
  decideApproval(state, args, now) {
    requireType(state, 'SOCIAL_CONTACT', 'An approval decision', 'R-SC-APPROVAL');
    requireStage(state, ['AWAITING_APPROVAL'], 'An approval decision', 'R-SC-APPROVAL');
    const { decision, reason } = args.input;
    if (decision === 'DENY')
      return [event(args, now, { type: 'SOCIAL_CONTACT_DENIED', ruleId: 'R-SC-APPROVAL', data: { reason } })];
    const validUntil = addCalendarMonths(iso(now), state.policy.approvalValidMonths);
    return [
      event(args, now, {
        type: 'SOCIAL_CONTACT_APPROVED',
        ruleId: 'R-SC-APPROVAL',
        data: { validUntil, ...(reason ? { reason } : {}) },
      }),
    ];
  },

  recordContact(state, args, now) {
    requireType(state, 'SOCIAL_CONTACT', 'Recording a contact', 'R-SC-CONTACT');
    requireStage(state, ['AWAITING_CONTACT'], 'Recording a contact', 'R-SC-CONTACT');
    const { willing, note } = args.input;
    const data = note ? { note } : undefined;
    return [event(args, now, { type: willing ? 'CONTACT_MADE' : 'CONTACT_ATTEMPTED', ruleId: 'R-SC-CONTACT', data })];
  },

  decideReassessment(state, args, now) {
    requireType(state, 'SOCIAL_CONTACT', 'A re-assessment', 'R-SC-REASSESS');
    if (!state.reassessmentDue)
      rejectRule(
        state,
        'R-SC-REASSESS',
        `Case ${state.referralId} is not due for re-assessment (its approval is good until ${state.approvalValidUntil ?? 'approval'})`,
      );
    const { decision, reason } = args.input;
    if (decision === 'CLOSE')
      return [
        event(args, now, {
          type: 'CASE_CLOSED',
          ruleId: 'R-SC-REASSESS',
          data: { outcome: 'CLOSED_AT_REASSESSMENT', reason },
        }),
      ];
    const validUntil = addCalendarMonths(iso(now), state.policy.approvalValidMonths);
    return [event(args, now, { type: 'APPROVAL_RENEWED', ruleId: 'R-SC-REASSESS', data: { validUntil, reason } })];
  },
};
