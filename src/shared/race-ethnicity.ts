import { humanize } from './humanize';

/**
 * R-EVAL: the race/ethnicity categories as the forms name them (self-reported by the participant, and
 * perceived by the officer where the agency records it). A jurisdiction may configure other codes
 * (`evaluation.raceEthnicityCategories`): those read as their code in words.
 */
const LABELS: Record<string, string> = {
  WHITE: 'White',
  BLACK: 'Black or African American',
  HISPANIC_LATINO: 'Hispanic or Latino',
  ASIAN: 'Asian',
  AMERICAN_INDIAN_ALASKA_NATIVE: 'American Indian or Alaska Native',
  NATIVE_HAWAIIAN_PACIFIC_ISLANDER: 'Native Hawaiian or Pacific Islander',
  MIDDLE_EASTERN_NORTH_AFRICAN: 'Middle Eastern or North African',
  OTHER: 'Another race or ethnicity',
};

export const raceEthnicityLabel = (code: string): string => LABELS[code] ?? humanize(code);
