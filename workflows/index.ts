export { arrestDiversion } from './arrest-diversion';
export { socialContact } from './social-contact';
export { capacityCoordinator } from './capacity-coordinator';
export { monthlyReport } from './monthly-report';
export { outcomeFollowUp } from './outcome-follow-up';
export { evaluationRun } from './evaluation-run';
