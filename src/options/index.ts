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
  renamedOption,
} from './check.js';
