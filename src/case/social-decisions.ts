import { addCalendarMonths, event, iso, type Deciders } from './decision-helpers';
import { accept, ruleRefusal, stageRefusal, typeRefusal } from './rejections';

/** Actions of social contacts only: R-SC-APPROVAL, R-SC-CONTACT, R-SC-REASSESS. */
export const socialDeciders: Deciders<'decideApproval' | 'recordContact' | 'decideReassessment'> = {
  decideApproval(state, args, now) {
    const refused =
      typeRefusal(state, 'SOCIAL_CONTACT', 'An approval decision', 'R-SC-APPROVAL') ??
      stageRefusal(state, ['AWAITING_APPROVAL'], 'An approval decision', 'R-SC-APPROVAL');
    if (refused) return refused;
    const { decision, reason } = args.input;
    if (decision === 'DENY')
      return accept(event(args, now, { type: 'SOCIAL_CONTACT_DENIED', ruleId: 'R-SC-APPROVAL', data: { reason } }));
    const validUntil = addCalendarMonths(iso(now), state.policy.approvalValidMonths);
    return accept(
      event(args, now, {
        type: 'SOCIAL_CONTACT_APPROVED',
        ruleId: 'R-SC-APPROVAL',
        data: { validUntil, ...(reason ? { reason } : {}) },
      }),
    );
  },

  recordContact(state, args, now) {
    const refused =
      typeRefusal(state, 'SOCIAL_CONTACT', 'Recording a contact', 'R-SC-CONTACT') ??
      stageRefusal(state, ['AWAITING_CONTACT'], 'Recording a contact', 'R-SC-CONTACT');
    if (refused) return refused;
    const { willing, note } = args.input;
    const data = note ? { note } : undefined;
    return accept(
      event(args, now, { type: willing ? 'CONTACT_MADE' : 'CONTACT_ATTEMPTED', ruleId: 'R-SC-CONTACT', data }),
    );
  },

  decideReassessment(state, args, now) {
    const refused = typeRefusal(state, 'SOCIAL_CONTACT', 'A re-assessment', 'R-SC-REASSESS');
    if (refused) return refused;
    if (!state.reassessmentDue)
      return ruleRefusal(
        state,
        'R-SC-REASSESS',
        `Case ${state.referralId} is not due for re-assessment (its approval is good until ${state.approvalValidUntil ?? 'approval'})`,
      );
    const { decision, reason } = args.input;
    if (decision === 'CLOSE')
      return accept(
        event(args, now, {
          type: 'CASE_CLOSED',
          ruleId: 'R-SC-REASSESS',
          data: { outcome: 'CLOSED_AT_REASSESSMENT', reason },
        }),
      );
    const validUntil = addCalendarMonths(iso(now), state.policy.approvalValidMonths);
    return accept(
      event(args, now, { type: 'APPROVAL_RENEWED', ruleId: 'R-SC-REASSESS', data: { validUntil, reason } }),
    );
  },
};
