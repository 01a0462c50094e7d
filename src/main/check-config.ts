/**
 * `npm run check-config -- [file]`: validates a jurisdiction's configuration the way the API and the
 * worker do at start-up, and prints what it configures. Exit code 1 names every bad key.
 */
import ms from 'ms';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig, placesOf } from '../config/load-config';
import { say, complain } from '../process/terminal';

const file = process.argv[2] ?? process.env.LEAD_CONFIG_FILE ?? DEFAULT_CONFIG_FILE;
try {
  const config = loadConfig(file);
  const d = config.durations;
  say(`${file}: valid`);
  say(
    `  program        ${config.program.name} (case ids ${config.program.caseIdPrefix}-…, ${config.program.timezone})`,
  );
  say(`  R-SCENE        scene window ${ms(d.sceneWindow, { long: true })}`);
  say(`  R-INTAKE       intake deadline ${ms(d.intakeDeadline, { long: true })}`);
  say(`  R-VICTIM       objection window ${ms(d.victimObjectionWindow, { long: true })}`);
  say(`  offenses       ${Object.keys(config.offenses).length}`);
  say(`  agencies       ${Object.keys(config.agencies).join(', ')}`);
  say(`  R-JURISDICTION ${config.prosecutorRouting.length} routing rules to ${Object.keys(config.offices).join(', ')}`);
  say(`  R-SC-PREREQ    catchment ${Object.keys(config.socialContact.catchmentAreas).join(', ')}`);
  say(`  R-SC-CAPACITY  ${config.capacity.caseManagerFte} case manager FTE → ${placesOf(config)} places`);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  complain(err.message);
  process.exit(1);
}
