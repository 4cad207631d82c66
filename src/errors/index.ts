export { describeType, FinTabTextError, InvalidArgumentError, isFinTabTextError } from './errors.js';
