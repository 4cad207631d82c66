/** One item of Form 8-K with its official title. */
export interface EightKItemDefinition {
  /** The item number as the form prints it: `'2.02'` (since August 2004) or `'5'` (before). */
  readonly item: string;
  /** The official title, as the form's General Instructions give it. */
  readonly title: string;
  /** Other titles the form gave this item over the years, or that filers commonly print. */
  readonly formerTitles?: readonly string[];
}

/**
 * Items of Form 8-K since the item renumbering effective August 23, 2004 (SEC Release
 * No. 33-8400, "Additional Form 8-K Disclosure Requirements and Acceleration of Filing Date"),
 * with their titles as in SEC's Form 8-K and its General Instructions (Section 1 "Registrant's
 * Business and Operations" to Section 9 "Financial Statements and Exhibits"): the 22 items of
 * 2004 and those added later, 5.06 (shell companies, 2005), 6.01–6.05 (Regulation AB, 2005),
 * 5.07 and 5.08 (2010), 1.04 (mine safety, 2012), 1.05 (cybersecurity incidents, 2023), and 6.06
 * and 6.10 (later Regulation AB amendments).
 * Facts about the form (item numbers and titles), not prose: written here from the form.
 *
 * @example
 * ```ts
 * import { EIGHT_K_ITEMS } from 'fin-tabtext/extract';
 * EIGHT_K_ITEMS.find((d) => d.item === '7.01')?.title; // 'Regulation FD Disclosure'
 * ```
 */
export const EIGHT_K_ITEMS: readonly EightKItemDefinition[] = Object.freeze([
  { item: '1.01', title: 'Entry into a Material Definitive Agreement' },
  { item: '1.02', title: 'Termination of a Material Definitive Agreement' },
  { item: '1.03', title: 'Bankruptcy or Receivership' },
  { item: '1.04', title: 'Mine Safety - Reporting of Shutdowns and Patterns of Violations' },
  { item: '1.05', title: 'Material Cybersecurity Incidents' },
  { item: '2.01', title: 'Completion of Acquisition or Disposition of Assets' },
  { item: '2.02', title: 'Results of Operations and Financial Condition' },
  {
    item: '2.03',
    title:
      'Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant',
  },
  {
    item: '2.04',
    title:
      'Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement',
  },
  { item: '2.05', title: 'Costs Associated with Exit or Disposal Activities' },
  { item: '2.06', title: 'Material Impairments' },
  {
    item: '3.01',
    title:
      'Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing',
  },
  { item: '3.02', title: 'Unregistered Sales of Equity Securities' },
  { item: '3.03', title: 'Material Modification to Rights of Security Holders' },
  { item: '4.01', title: "Changes in Registrant's Certifying Accountant" },
  {
    item: '4.02',
    title:
      'Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review',
  },
  { item: '5.01', title: 'Changes in Control of Registrant' },
  {
    item: '5.02',
    title:
      'Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers',
    // The title from 2004 until the executive-compensation amendments of 2006.
    formerTitles: [
      'Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers',
    ],
  },
  { item: '5.03', title: 'Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year' },
  { item: '5.04', title: "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans" },
  {
    item: '5.05',
    title: "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
  },
  { item: '5.06', title: 'Change in Shell Company Status' },
  { item: '5.07', title: 'Submission of Matters to a Vote of Security Holders' },
  { item: '5.08', title: 'Shareholder Director Nominations' },
  { item: '6.01', title: 'ABS Informational and Computational Material' },
  { item: '6.02', title: 'Change of Servicer or Trustee' },
  { item: '6.03', title: 'Change in Credit Enhancement or Other External Support' },
  { item: '6.04', title: 'Failure to Make a Required Distribution' },
  { item: '6.05', title: 'Securities Act Updating Disclosure' },
  { item: '6.06', title: 'Static Pool' },
  { item: '6.10', title: 'Alternative Filings of Asset-Backed Issuers' },
  { item: '7.01', title: 'Regulation FD Disclosure' },
  { item: '8.01', title: 'Other Events' },
  {
    item: '9.01',
    title: 'Financial Statements and Exhibits',
    formerTitles: ['Financial Statements, Pro Forma Financial Information and Exhibits'],
  },
]);

/**
 * Items of Form 8-K before August 23, 2004 (Items 1–12), with their titles as the form gave them
 * in its last version before Release No. 33-8400: Items 1–8 of the long-standing form, Item 9 as
 * amended by the Regulation FD adopting release (No. 33-7881, 2000; before, Item 9 reported sales
 * of equity securities under Regulation S), Items 10 and 11 added in 2003 under the
 * Sarbanes-Oxley Act (code of ethics, Release No. 33-8177; blackout periods, Release
 * No. 34-47225) and Item 12 added by Release No. 33-8176 (2003).
 *
 * @example
 * ```ts
 * import { EIGHT_K_ITEMS_BEFORE_2004 } from 'fin-tabtext/extract';
 * EIGHT_K_ITEMS_BEFORE_2004.find((d) => d.item === '5')?.title; // 'Other Events'
 * ```
 */
export const EIGHT_K_ITEMS_BEFORE_2004: readonly EightKItemDefinition[] = Object.freeze([
  { item: '1', title: 'Changes in Control of Registrant' },
  { item: '2', title: 'Acquisition or Disposition of Assets' },
  { item: '3', title: 'Bankruptcy or Receivership' },
  { item: '4', title: "Changes in Registrant's Certifying Accountant" },
  { item: '5', title: 'Other Events', formerTitles: ['Other Events and Regulation FD Disclosure'] },
  { item: '6', title: "Resignations of Registrant's Directors" },
  { item: '7', title: 'Financial Statements, Pro Forma Financial Information and Exhibits' },
  { item: '8', title: 'Change in Fiscal Year' },
  {
    item: '9',
    title: 'Regulation FD Disclosure',
    formerTitles: ['Sales of Equity Securities Pursuant to Regulation S'],
  },
  {
    item: '10',
    title: "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
  },
  { item: '11', title: "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans" },
  { item: '12', title: 'Results of Operations and Financial Condition' },
]);
