import type { FilingRef } from '../edgar/index.js';

/** The data of one job: the filing to compute. Row options live once in the queue's config. */
export interface TabTextJobData {
  readonly ref: FilingRef;
}

/** The job id of a filing: its accession number (BullMQ ignores an add whose id exists). */
export function jobIdOf(accessionNumber: string): string {
  return accessionNumber;
}
