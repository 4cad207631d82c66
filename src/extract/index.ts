export { documentToText } from './document-to-text.js';
export { ExtractionError, type ExtractionErrorCode } from './errors.js';
export {
  type ExtractedItem,
  extractItems,
  extractMdna,
  type MdnaReference,
  type MdnaResult,
  type MdnaStatus,
} from './extract.js';
export {
  type DocumentFormat,
  type DocumentToTextOptions,
  defaultDocumentToTextOptions,
  type ExtractOptions,
} from './options.js';
