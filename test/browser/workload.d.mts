/** See workload.mjs: the same work in every runtime, given that runtime's copy of the API. */
export declare function workload(
  api: object,
  input: { html: string; accessionNumber: string; formType: string; filingDate: string },
): unknown;
