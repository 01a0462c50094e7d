export { arrestDiversion } from './arrest-diversion';
