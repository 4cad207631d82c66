// The work the browser-bundle test runs in Node, Deno and Chromium: the same function, given each
// runtime's copy of the API. It imports nothing, so it can be copied next to the bundle as is.
// The result is JSON (what the runtimes send back), so it holds no undefined or NaN.

/**
 * MD&A of a real 10-K (inline XBRL HTML) extracted, scored with every attribute and explained;
 * Altman Z'' from the same document's inline XBRL facts.
 * @param {Record<string, Function>} api - scoreText, explainText, documentToText, extractMdna,
 *   companyFactsFromInlineXbrl, altmanFromCompanyFacts, altmanZ.
 * @param {{ html: string, accessionNumber: string, formType: string, filingDate: string }} input
 */
export function workload(api, input) {
  const text = api.documentToText(input.html);
  const mdna = api.extractMdna(input.html, { formType: input.formType });
  const scores = api.scoreText(mdna.text ?? '');
  const explained = api.explainText(mdna.text ?? '');
  const facts = api.companyFactsFromInlineXbrl(input.html, {
    accessionNumber: input.accessionNumber,
    formType: input.formType,
    filingDate: input.filingDate,
  });
  const altman = api.altmanFromCompanyFacts(facts, { variant: 'z_double_prime' });
  // Sears Holdings FY2011 10-K figures, USD millions (examples/quick-start.mjs): published Z 2.30.
  const sears = api.altmanZ({
    currentAssets: 10244,
    currentLiabilities: 9212,
    totalAssets: 21381,
    totalLiabilities: 17040,
    retainedEarnings: 1865,
    ebit: -852,
    netSales: 41567,
    marketValueEquity: 8783,
  });
  return JSON.parse(
    JSON.stringify({
      textLength: text.length,
      mdna: { status: mdna.status, length: (mdna.text ?? '').length, head: (mdna.text ?? '').slice(0, 200) },
      scores,
      explained,
      altman: { z: altman.z, zone: altman.zone, inputs: altman.inputs, warnings: altman.warnings },
      sears: { z: sears.z, zone: sears.zone },
    }),
  );
}
