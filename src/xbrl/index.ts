export type {
  InlineXbrlCompanyFacts,
  InlineXbrlCompanyFactsOptions,
  InlineXbrlConcept,
} from './company-facts.js';
export { companyFactsFromInlineXbrl } from './company-facts.js';
export { InlineXbrlError } from './errors.js';
export type { InlineXbrlFact, XbrlDimension } from './inline-facts.js';
export { readInlineXbrlFacts } from './inline-facts.js';
