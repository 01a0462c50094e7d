/**
 * Criminal-history codes the eligibility rules know. Any conviction that is not one of the
 * excluding offenses is entered as OTHER; an unknown code is refused, never passed silently.
 */
export const LIFETIME_EXCLUDING = [
  'MURDER_1',
  'MURDER_2',
  'ARSON_1',
  'ROBBERY_1',
  'ASSAULT_1',
  'KIDNAPPING',
  'VUFA_1',
  'SEX_OFFENSE',
] as const;
export const TEN_YEAR_EXCLUDING = ['ROBBERY_2', 'ASSAULT_2', 'ASSAULT_3', 'BURGLARY_1'] as const;
export const FIVE_YEAR_EXCLUDING = [
  'ASSAULT_4_DV',
  'DV_NO_CONTACT_ORDER_VIOLATION',
  'DV_PROTECTION_ORDER_VIOLATION',
  'BURGLARY_2',
  'VUFA_2',
] as const;

export const CONVICTION_CODES = [
  ...LIFETIME_EXCLUDING,
  ...TEN_YEAR_EXCLUDING,
  ...FIVE_YEAR_EXCLUDING,
  'OTHER',
] as const;
export type ConvictionCode = (typeof CONVICTION_CODES)[number];

export const CONVICTION_LABELS: Record<ConvictionCode, string> = {
  MURDER_1: 'Murder 1',
  MURDER_2: 'Murder 2',
  ARSON_1: 'Arson 1',
  ROBBERY_1: 'Robbery 1',
  ASSAULT_1: 'Assault 1',
  KIDNAPPING: 'Kidnapping',
  VUFA_1: 'VUFA 1',
  SEX_OFFENSE: 'a sex offense',
  ROBBERY_2: 'Robbery 2',
  ASSAULT_2: 'Assault 2',
  ASSAULT_3: 'Assault 3',
  BURGLARY_1: 'Burglary 1',
  ASSAULT_4_DV: 'Assault 4 (DV)',
  DV_NO_CONTACT_ORDER_VIOLATION: 'violation of a DV no-contact order',
  DV_PROTECTION_ORDER_VIOLATION: 'violation of a DV protection order',
  BURGLARY_2: 'Burglary 2',
  VUFA_2: 'VUFA 2',
  OTHER: 'another offense',
};

export const DRUG_SUBSTANCES = ['MARIJUANA', 'PRESCRIPTION_PILLS', 'OTHER'] as const;
export const DRUG_ACTIVITIES = ['POSSESSION', 'DELIVERY', 'PWI'] as const;
export const PROTECTIVE_ORDER_TYPES = ['NO_CONTACT', 'TEMPORARY_RESTRAINING', 'ANTI_HARASSMENT'] as const;
export const WARRANT_KINDS = ['OTHER_CHARGE', 'DOC'] as const;
