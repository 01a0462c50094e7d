import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE, loadConfig, parseConfig } from '../../src/config/load-config';
import { caseIdFor, CASE_ID_PATTERN } from '../../src/referrals/case-id';
import { mostSerious, routeToOffice } from '../../src/referrals/prosecutor-routing';

const config = loadConfig();

describe('R-JURISDICTION: prosecutor routing is configuration (level × agency × city limits → office)', () => {
  test.each([
    ['FELONY', 'BURIEN_PD', true, 'KCPAO'],
    ['FELONY', 'KCSO', false, 'KCPAO'],
    ['MISDEMEANOR', 'BURIEN_PD', true, 'BURIEN_CITY_ATTORNEY'],
    ['GROSS_MISDEMEANOR', 'BURIEN_PD', true, 'BURIEN_CITY_ATTORNEY'],
    ['MISDEMEANOR', 'KCSO_METRO', false, 'KCPAO'],
    ['MISDEMEANOR', 'DOC', false, 'KCPAO'],
  ] as const)('%s by %s (within city: %s) → %s', (level, agency, withinCityLimits, office) => {
    expect(routeToOffice(config, { level, agency, withinCityLimits })).toBe(office);
  });

  test('the most serious offense decides the level', () => {
    expect(mostSerious(['MISDEMEANOR', 'FELONY'])).toBe('FELONY');
    expect(mostSerious(['MISDEMEANOR', 'GROSS_MISDEMEANOR'])).toBe('GROSS_MISDEMEANOR');
  });

  test('a routing rule naming an unknown office fails start-up, naming the key', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8'));
    raw.prosecutorRouting[0].office = 'NOWHERE';
    expect(() => parseConfig(raw)).toThrow(/prosecutorRouting\.0\.office: unknown office NOWHERE/);
    raw.prosecutorRouting[0].office = 'KCPAO';
    raw.durations.intakeDeadline = 'thirty days';
    expect(() => parseConfig(raw)).toThrow(/durations\.intakeDeadline: "thirty days" is not a duration/);
  });
});

describe('case ids', () => {
  test('are derived from the submission id: same submission, same case; no personal data', () => {
    const id = caseIdFor('BUR', '6f1d2c1e-8c2b-4a77-9b59-4f3f8f8f8f8f');
    expect(id).toMatch(CASE_ID_PATTERN);
    expect(caseIdFor('BUR', '6F1D2C1E-8C2B-4A77-9B59-4F3F8F8F8F8F')).toBe(id);
    expect(caseIdFor('BUR', '00000000-0000-4000-8000-000000000000')).not.toBe(id);
  });
});
