export { documentToText } from './document-to-text.js';
export { ExtractionError, type ExtractionErrorCode } from './errors.js';
export {
  type DocumentFormat,
  type DocumentToTextOptions,
  defaultDocumentToTextOptions,
  type ExtractOptions,
} from './options.js';
