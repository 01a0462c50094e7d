export { arrestDiversion } from './arrest-diversion';
export { socialContact } from './social-contact';
export { capacityCoordinator } from './capacity-coordinator';
