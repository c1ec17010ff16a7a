/**
 * For the renderer's state tests: a small valid pack of three classify exercises (confirmed, estimate,
 * denial), a fresh copy each time a test asks. Built here because the renderer reads no files.
 */
import type { ClassifyItem, Pack, TextRef } from '../../../shared/pack/schema';

const PARAGRAPHS = [
  'The ministry confirmed on Monday that the bridge was closed. Officials said about 300 people were moved.',
  'The company denied that it had sold the data, a spokeswoman said.',
];

function ref(paragraph: number, quote: string): TextRef {
  const start = PARAGRAPHS[paragraph]!.indexOf(quote);
  if (start < 0) throw new Error(`the fixture has no "${quote}" in paragraph ${paragraph}`);
  return { paragraph, start, end: start + quote.length, quote };
}

function classify(id: string, label: ClassifyItem['claim']['label'], quote: string, cue: string, paragraph = 0): ClassifyItem {
  return {
    id,
    type: 'classify',
    explanation: `The words "${cue}" say how sure the source is, so this is ${label}.`,
    claim: {
      ref: ref(paragraph, quote),
      label,
      source: { name: 'The ministry', kind: 'institution', chain: [] },
      cues: [cue],
    },
  };
}

export function testPack(): Pack {
  return {
    schemaVersion: 1,
    id: 'bridge-closure',
    version: 1,
    meta: {
      title: 'The bridge is closed',
      outlet: 'The Daily Test',
      author: 'A. Reporter',
      published: '2026-11-23',
      url: 'https://example.org/bridge',
      credit: 'Written for the tests.',
      language: 'en',
    },
    article: { headline: 'The bridge is closed', paragraphs: [...PARAGRAPHS] },
    items: [
      classify('bridge-closed', 'confirmed', 'confirmed on Monday that the bridge was closed', 'confirmed'),
      classify('people-moved', 'estimate', 'about 300 people were moved', 'about'),
      classify('data-sold', 'denial', 'denied that it had sold the data', 'denied', 1),
    ],
  };
}
