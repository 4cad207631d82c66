export {
  checkBoolean,
  checkEnum,
  checkNumber,
  checkOptions,
  didYouMean,
  editDistance,
  type NumberRule,
} from './check.js';
