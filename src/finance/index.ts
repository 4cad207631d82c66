/**
 * `fin-tabtext/finance`: the Altman Z family, XBRL company facts to Altman inputs, and inline
 * XBRL facts read from a filing.
 * @module fin-tabtext/finance
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
// `fin-tabtext/finance` covers Altman Z and the inline-XBRL facts that feed it.
export type {
  InlineXbrlCompanyFacts,
  InlineXbrlCompanyFactsOptions,
  InlineXbrlConcept,
  InlineXbrlFact,
  XbrlDimension,
} from '../xbrl/index.js';
export { companyFactsFromInlineXbrl, InlineXbrlError, readInlineXbrlFacts } from '../xbrl/index.js';
export type {
  AltmanContributions,
  AltmanInputs,
  AltmanModel,
  AltmanOptions,
  AltmanRatioInputs,
  AltmanRatioName,
  AltmanRatios,
  AltmanResult,
  AltmanVariant,
  AltmanZone,
  SalesCoefficient,
} from './altman.js';
export {
  altmanModels,
  altmanRatios,
  altmanRequiredInputs,
  altmanVariants,
  altmanZ,
  altmanZFromRatios,
  defaultAltmanOptions,
  salesCoefficients,
} from './altman.js';
export type { AltmanFromCompanyFactsOptions, CompanyFactsAltmanResult } from './altman-from-facts.js';
export { altmanFromCompanyFacts } from './altman-from-facts.js';
export type {
  AnnualReport,
  CompanyFactsAltmanInputs,
  CompanyFactsInput,
  CompanyFactsOptions,
  CompanyFactsValues,
  FactSource,
  InputProvenance,
  XbrlFact,
} from './company-facts.js';
export { altmanInputsFromCompanyFacts, defaultCompanyFactsOptions } from './company-facts.js';
export type { EmRating, EmRatingRow } from './em-rating.js';
export { emRatingEquivalent, emRatingTable } from './em-rating.js';
export { CompanyFactsError } from './errors.js';
export type { AltmanFactField, FactPeriod, FieldRules, TagRule, TagTerm } from './tag-rules.js';
export { altmanTagRules } from './tag-rules.js';
