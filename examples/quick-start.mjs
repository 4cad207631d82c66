// Quick start: score a real MD&A paragraph and compute an Altman Z-score.
// Run after `npm run build`:  node examples/quick-start.mjs
import { altmanZ, scoreText } from 'fin-tabtext';

// Two real MD&A paragraphs (public SEC filings, bundled in examples/data/filings/):
// Ford Motor Company, 10-K for 2001 (filed 2002-03-28), Item 7, first paragraph;
// Texas Instruments, 10-K for 2023 (filed 2024-02-02), Item 7 "Overview", first paragraph.
const paragraphs = {
  'Ford 10-K 2001':
    'Our worldwide losses, including charges of $4,106 million primarily related to our Revitalization ' +
    'Plan, were $5,068 million in the fourth quarter of 2001, or $2.81 per diluted share of Common and ' +
    'Class B Stock. In the fourth quarter of 2000, earnings were $1,077 million (including charges for ' +
    'unusual items of $133 million), or $0.57 per diluted share. Worldwide sales and revenues were $41.2 ' +
    'billion in the fourth quarter of 2001, down $1.4 billion, reflecting primarily lower vehicle sales ' +
    'in North America, partially offset by higher vehicle sales in Europe. Unit sales of cars and trucks ' +
    'were 1,808,000 units, down 32,000 units, reflecting primarily lower market share in the United ' +
    'States, partially offset by higher market share in Europe.',
  'TI 10-K 2023':
    'We design and manufacture semiconductors that we sell to electronics designers and manufacturers ' +
    'all over the world. Technology is the foundation of our company, but ultimately, our objective and ' +
    'the best metric for owners to measure our progress is through the growth of free cash flow per ' +
    'share over the long term.',
};

// scoreText returns one flat record: word-list shares, polarity, VADER sentiment, Gunning fog.
const round = (x) => (x === null ? null : Math.round(x * 1000) / 1000);
const scores = Object.entries(paragraphs).map(([name, text]) => {
  const s = scoreText(text);
  return {
    text: name,
    words: s.word_count,
    negative: round(s.negative),
    positive: round(s.positive),
    polarity: round(s.polarity),
    sentiment: round(s.sentiment),
    fog: round(s.readability),
  };
});
console.log('Text scores');
console.table(scores);

// Altman Z (original 1968 model) on Sears Holdings' FY2011 10-K figures, USD millions, as used in
// Paulo Santos, "Applying the Altman Z-Score to Sears" (Seeking Alpha, 2012): published Z = 2.30.
const z = altmanZ({
  currentAssets: 10244,
  currentLiabilities: 9212,
  totalAssets: 21381,
  totalLiabilities: 17040,
  retainedEarnings: 1865,
  ebit: -852,
  netSales: 41567,
  marketValueEquity: 8783,
});
console.log('Altman Z');
console.table([{ company: 'Sears Holdings FY2011', variant: z.variant, z: round(z.z), zone: z.zone }]);
