import type { CaseStanding } from './standing';
import { localTime, type TimeOptions } from './time';
/* What the referrer is told after submitting (the API's `nextSteps`, shown by the form). */

export function referralNextSteps(
  status: (CaseStanding & { prosecutorOffices?: string[]; prosecutorOffice?: string; victimCrime?: boolean }) | null,
  options: TimeOptions & { offices?: Record<string, { name: string }> } = {},
): string[] {
  if (!status) return ['The case is starting: open it in a moment to see its deadlines.'];
  const due = (ruleId: string) => {
    const d = status.deadlines.find((x) => x.ruleId === ruleId);
    return d ? localTime(d.dueAt, options) : undefined;
  };
  if (status.type === 'SOCIAL_CONTACT') {
    const approval = due('R-SC-APPROVAL');
    return [
      `A LEAD-trained sergeant approves or denies the referral${approval ? `; if nobody has by ${approval}, it is flagged as overdue` : ''}.`,
      'The LEAD project manager has been told.',
      'Once approved, the person is taken on as capacity allows, then found and offered case management.',
    ];
  }
  const offices = (status.prosecutorOffices?.length ? status.prosecutorOffices : [status.prosecutorOffice])
    .filter((o): o is string => Boolean(o))
    .map((o) => options.offices?.[o]?.name ?? o);
  const packet = offices.length
    ? `${offices.join(' and ')} ${offices.length > 1 ? 'receive' : 'receives'} the diversion packet.`
    : 'The prosecutor with jurisdiction receives the diversion packet.';
  if (status.stage === 'AWAITING_NCI_DECISION') {
    const nci = due('R-EL-WARRANT');
    return [
      `The DOC NCI team has been called: a DOC warrant or violation is theirs to decide first${nci ? `, by ${nci}` : ''}. Case management is not called unless they refer the person.`,
      'If they refer the person, the diversion starts then, with its clocks; if they decline, the person is booked.',
      packet,
    ];
  }
  if (status.stage === 'OVERRIDE_REQUESTED') {
    const override = due('R-EL-OVERRIDE');
    return [
      `The person was found not eligible and is booked; a sergeant has been asked to decide on an override${override ? ` by ${override}` : ''}.`,
      'If the sergeant approves, case management is called and the intake deadline starts.',
    ];
  }
  const scene = due('R-SCENE');
  const intake = due('R-INTAKE');
  return [
    'The on-call case management team has been called to screen the person now.',
    packet,
    ...(scene ? [`The person must not return to the scene before ${scene}.`] : []),
    ...(intake ? [`Consent and the intake must be complete by ${intake}.`] : []),
    ...(status.victimCrime ? ['The victim may object to the prosecutor within one week.'] : []),
  ];
}
