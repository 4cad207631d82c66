export {
  checkBoolean,
  checkDate,
  checkEnum,
  checkNumber,
  checkOptions,
  didYouMean,
  editDistance,
  isIsoDate,
  type NumberRule,
} from './check.js';
