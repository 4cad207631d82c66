/**
 * SEC identifiers, one rule each: CIKs and accession numbers. No Node built-ins, so the browser
 * builds of `fin-tabtext/finance` and `/extract` can use them.
 * @module
 */
export { normalizeAccession, parseAccession } from './accession.js';
export { normalizeCik, parseCik } from './cik.js';
