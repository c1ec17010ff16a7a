import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import {
  dateLine,
  MAX_HTML_BYTES,
  MAX_MARKDOWN_BYTES,
  MAX_NESTING,
  MAX_PARAGRAPH_CHARS,
  MAX_READER_ELEMENTS,
  readArticle,
} from './article-text';

const SEED_ARTICLE = readFileSync(join(import.meta.dirname, '../suggest/dev-set/seed-article.txt'), 'utf8');
const SEED_PACK = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8'),
) as {
  article: { headline: string; paragraphs: string[] };
};
/** Built, not written out, so the linter's no-script-url rule is not tripped by the test data. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

function refusal(name: string, text: string): ApiError {
  try {
    readArticle(name, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error(`reading ${name} should have failed`);
}

describe('readArticle: the seed article (Markdown-like text)', () => {
  it.each(['pasted.txt', 'article.md'])(
    'reads %s: headline, byline, date, address, and exactly the pack’s paragraphs',
    (name) => {
      const article = readArticle(name, SEED_ARTICLE);
      expect(article.headline).toBe('U.S. Officials Confirm North Korea Sent Troops to Russia');
      expect(article.meta).toEqual({
        author: 'AFP',
        published: '2024-10-23',
        url: 'https://www.themoscowtimes.com/2024/10/23/us-officials-confirmed-north-korea-sent-troops-to-russia-a-86788',
      });
      expect(article.paragraphs[0]).toMatch(/^A senior U\.S\. official confirmed Wednesday/);
      // The caption, the "Related article" line and the address are not paragraphs; the sentence broken
      // by a blank line is joined again: the result is the shipped pack's text, character for character.
      expect(article.paragraphs).toEqual(SEED_PACK.article.paragraphs);
    },
  );

  it('reads Windows line endings and a byte-order mark the same way', () => {
    const article = readArticle('seed.txt', `\uFEFF${SEED_ARTICLE.replace(/\n/g, '\r\n')}`);
    expect(article.paragraphs).toEqual(SEED_PACK.article.paragraphs);
    expect(article.meta.author).toBe('AFP');
  });
});

describe('readArticle: plain text', () => {
  it('splits on blank lines, joins hard-wrapped lines, and leaves the headline to the instructor', () => {
    const article = readArticle(
      'notes.txt',
      'The council approved the budget on Monday,\nofficials said.\n\n\n  Critics called it a sign of decline.  \n\n',
    );
    expect(article).toEqual({
      headline: '',
      paragraphs: ['The council approved the budget on Monday, officials said.', 'Critics called it a sign of decline.'],
      meta: {},
    });
  });

  it('takes a first line that is not a sentence as the headline, as pasted articles start', () => {
    const article = readArticle('pasted.txt', 'Fire destroys warehouse\n\nBy Ana Ruiz\n\nThe fire service confirmed it.');
    expect(article).toEqual({
      headline: 'Fire destroys warehouse',
      paragraphs: ['The fire service confirmed it.'],
      meta: { author: 'Ana Ruiz' },
    });
  });

  it('reads text pasted from a web page, one line break between paragraphs: the first line is the headline', () => {
    const article = readArticle(
      'pasted.txt',
      'Fire destroys warehouse in Leith\nBy Ana Ruiz\n12 May 2024\nThe fire service confirmed that nobody was hurt.\n' +
        'Residents said the smoke could be seen\nfrom across the city.\n"It was frightening," one neighbour said.\n',
    );
    expect(article).toEqual({
      headline: 'Fire destroys warehouse in Leith',
      paragraphs: [
        'The fire service confirmed that nobody was hurt.',
        'Residents said the smoke could be seen from across the city.',
        '"It was frightening," one neighbour said.',
      ],
      meta: { author: 'Ana Ruiz', published: '2024-05-12' },
    });
  });

  it('takes a byline and a date line before the article, but not a sentence that starts with "By"', () => {
    const article = readArticle(
      'pasted.txt',
      'By Jane Doe and John Roe\n\n23 October 2024\n\nBy Friday, the count was over.\n\nBy the numbers, it was close',
    );
    expect(article.meta).toEqual({ author: 'Jane Doe and John Roe', published: '2024-10-23' });
    expect(article.paragraphs).toEqual(['By Friday, the count was over.', 'By the numbers, it was close']);
  });

  it('splits a paragraph longer than a pack allows at sentence ends', () => {
    const sentence = 'This sentence is here to make a very long paragraph indeed. ';
    const long = sentence.repeat(Math.ceil((MAX_PARAGRAPH_CHARS * 2.5) / sentence.length)).trim();
    const article = readArticle('long.txt', long);
    expect(article.paragraphs.length).toBe(3);
    for (const paragraph of article.paragraphs) {
      expect(paragraph.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      expect(paragraph.endsWith('indeed.')).toBe(true);
    }
    expect(article.paragraphs.join(' ')).toBe(long);
  });

  it('splits a paragraph with no sentence end at a space', () => {
    const long = 'word '.repeat(MAX_PARAGRAPH_CHARS / 4).trim();
    const article = readArticle('long.txt', long);
    expect(article.paragraphs.length).toBe(2);
    expect(article.paragraphs.every((paragraph) => paragraph.length <= MAX_PARAGRAPH_CHARS)).toBe(true);
    expect(article.paragraphs.join(' ')).toBe(long);
  });
});

describe('readArticle: Markdown', () => {
  it('keeps the text of links and emphasis, drops images and addresses, reads lists and quotes', () => {
    const markdown = [
      '## World',
      '',
      '# The Real &amp; Only Headline',
      '',
      'By Sam Reporter',
      '',
      '![A photo](photo.jpg)',
      '',
      'The **mayor** said in a [statement](https://example.org/statement) that the _plan_ is `on track`, and AT&T agreed.',
      '',
      '## What comes next',
      '',
      '- First, a vote\\* in May.',
      '- Then a review.',
      '',
      '> "It is a disgrace," one critic said.',
      '',
      '---',
      '',
      '[ref]: https://example.org/ref',
    ].join('\n');
    const article = readArticle('story.md', markdown);
    expect(article.headline).toBe('The Real & Only Headline');
    expect(article.meta).toEqual({ author: 'Sam Reporter' });
    expect(article.paragraphs).toEqual([
      'World',
      'The mayor said in a statement that the plan is on track, and AT&T agreed.',
      'What comes next',
      'First, a vote* in May.',
      'Then a review.',
      '"It is a disgrace," one critic said.',
    ]);
    expect(JSON.stringify(article)).not.toMatch(/example\.org|photo\.jpg|A photo/);
  });

  it('drops scripts and markup written into Markdown, keeping only their text', () => {
    const markdown = [
      '# Headline',
      '',
      '<script>alert(1)</script>',
      '',
      `Text with <span onclick="alert(1)">inline markup</span>, <img src=x onerror="alert(1)"> and [a link](${SCRIPT_URL}).`,
      '',
      'Inline <script>alert(1)</script>script, gone.',
      '',
      '<div><p>A block of HTML.</p><p>Two paragraphs.</p></div>',
    ].join('\n');
    const article = readArticle('story.md', markdown);
    expect(article.paragraphs).toEqual([
      'Text with inline markup, and a link.',
      'Inline script, gone.',
      'A block of HTML.',
      'Two paragraphs.',
    ]);
    expect(JSON.stringify(article)).not.toMatch(/alert|onerror|onclick|javascript/);
  });

  it('treats pasted text with links as Markdown', () => {
    const article = readArticle('pasted.txt', 'Officials [confirmed](https://example.org) the report.');
    expect(article.paragraphs).toEqual(['Officials confirmed the report.']);
  });
});

describe('readArticle: HTML', () => {
  const page = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Troops sent | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta name="author" content="Alex Writer">
  <meta property="article:published_time" content="2024-10-23T09:15:00+01:00">
  <meta property="og:url" content="https://example.org/og-address">
  <link rel="canonical" href="https://example.org/news/troops-sent">
  <style>p { color: red }</style>
  <script>window.alert(1)</script>
</head>
<body onload="alert(1)">
  <header><h1>The Daily Example</h1><nav><a href="/">Home</a></nav></header>
  <main>
    <article>
      <header>
        <h1>Troops &amp; tanks <em>sent</em></h1>
        <p class="byline">By Alex Writer</p>
      </header>
      <figure><img src="x.jpg" onerror="alert(1)"><figcaption>A photo caption.</figcaption></figure>
      <p>Officials <strong>confirmed</strong> on Wednesday&nbsp;that
         troops were sent.<br>A second line.</p>
      <p>Click <a href="${SCRIPT_URL}">here</a> for &ldquo;more&rdquo;.</p>
      <div>Loose text in a div <span>with a span</span></div>
      <h2>Background</h2>
      <ul><li>One point.</li><li>Another point.</li></ul>
      <blockquote><p>&quot;A quote,&quot; she said.</p></blockquote>
      <p hidden>Hidden text.</p>
      <div aria-hidden="true">Also hidden.</div>
      <noscript>Enable scripts.</noscript>
      <template><p>Template text.</p></template>
      <iframe src="https://ads.example"></iframe>
      <svg><title>Icon</title><text>SVG text</text></svg>
      <form><label>Email</label><input name="email"><button>Subscribe</button></form>
      <script type="text/javascript">document.write("<p>injected</p>")</script>
    </article>
    <aside>Most read: other things</aside>
  </main>
  <footer>Copyright footer</footer>
</body>
</html>`;

  it('reads the text, never the markup, and drops what is not the article', () => {
    const article = readArticle('page.html', page);
    expect(article.headline).toBe('Troops & tanks sent');
    expect(article.paragraphs).toEqual([
      'Officials confirmed on Wednesday that troops were sent.',
      'A second line.',
      'Click here for “more”.',
      'Loose text in a div with a span',
      'Background',
      'One point.',
      'Another point.',
      '"A quote," she said.',
    ]);
    const everything = JSON.stringify(article);
    for (const unwanted of [
      'alert',
      'onerror',
      'onload',
      'javascript',
      'script',
      'injected',
      'Hidden',
      'Template',
      'SVG',
      'Icon',
      'Subscribe',
      'Email',
      'Most read',
      'Copyright',
      'Home',
      'caption',
      'color',
    ]) {
      expect(everything, unwanted).not.toContain(unwanted);
    }
  });

  it('takes outlet, author, date, address, title and language from the page’s own tags', () => {
    expect(readArticle('page.HTM', page).meta).toEqual({
      title: 'Troops sent | The Daily Example',
      outlet: 'The Daily Example',
      author: 'Alex Writer',
      published: '2024-10-23',
      url: 'https://example.org/news/troops-sent',
      language: 'en-GB',
    });
  });

  it('falls back to the page title for the headline, and ignores addresses that are not http(s)', () => {
    const article = readArticle(
      'bare.html',
      `<title>Only a &lt;title&gt;</title><link rel="canonical" href="${SCRIPT_URL}"><html lang="not a tag"><p>Body text.</p>`,
    );
    expect(article.headline).toBe('Only a <title>');
    expect(article.paragraphs).toEqual(['Body text.']);
    expect(article.meta).toEqual({ title: 'Only a <title>' });
  });

  it('says so when a page has no text (one a script would have filled)', () => {
    const error = refusal('app.html', '<html><body><div id="root"></div><script src="app.js"></script></body></html>');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^"app\.html" has no article text .*paste the text instead/);
  });
});

/** Saved news pages as they come: cookie banners, menus, ads, related links, comments, JSON-LD. */
function savedPage(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

describe('readArticle: saved news pages', () => {
  it('keeps the article of a page with JSON-LD, og: tags and <time>, and drops everything around it', () => {
    const article = readArticle('harbour-ferry.html', savedPage('harbour-ferry.html'));
    expect(article.headline).toBe('Ferry service to Kessock Island suspended after engine fire');
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs[0]).toMatch(/^The only ferry serving Kessock Island will not sail/);
    expect(article.paragraphs).toContain(
      'A council spokesperson described the situation as “serious but manageable” and said a charter vessel could be in place by Thursday.',
    );
    expect(article.paragraphs.at(-1)).toMatch(/^The last time the route was closed/);
    // The page's Facebook address as article:author is not an author; JSON-LD's is.
    expect(article.meta).toEqual({
      title: 'Ferry service to Kessock Island suspended after engine fire',
      outlet: 'Northern Coast Herald',
      author: 'Fiona MacLeod',
      published: '2024-03-12',
      url: 'https://www.northerncoastherald.example/news/2024/03/12/kessock-ferry-suspended',
      language: 'en-GB',
    });
    const everything = JSON.stringify(article);
    for (const furniture of [
      'cookies',
      'Skip to',
      'Sport',
      'Search',
      'Home',
      'Fiona MacLeod, Highlands',
      'Share',
      'Herald archive',
      'Advertisement',
      'googletag',
      'Related',
      'pier repairs',
      'newsletter',
      'Sign up',
      'Comments',
      'Third time this year',
      'Most read',
      'distillery',
      'All rights reserved',
      'Injected',
      'initSite',
      'onerror',
    ]) {
      expect(everything, furniture).not.toContain(furniture);
    }
  });

  it('reads a JSON-LD @graph with two authors, and drops "Read more", a donation box, tags and sharing', () => {
    const article = readArticle('city-budget.html', savedPage('city-budget.html'));
    expect(article.headline).toBe('Riverton council passes $412 million budget after late-night vote');
    expect(article.paragraphs).toEqual([
      'RIVERTON — The city council approved a $412 million budget early Wednesday, voting 7-4 after more than six hours of debate that stretched past midnight.',
      'The plan raises property taxes by 3.5% and adds 22 police officers, according to figures released by the city finance office.',
      'Council member Teresa Alvarez, who voted against it, called the tax increase “a burden working families simply cannot carry right now.”',
      'Mayor Jonathan Reyes denied that the budget would lead to cuts at public libraries, saying in a statement that opening hours “will stay exactly as they are.”',
      'The city’s independent budget analyst estimated that the new officers would cost about $2.6 million a year once salaries and training are included.',
      'Residents who spoke during the public comment period were divided. Several said more police were overdue; others asked the council to spend the money on youth programs instead.',
      'The budget takes effect on July 1.',
    ]);
    expect(article.meta).toEqual({
      title: 'Riverton council passes $412 million budget after late-night vote',
      outlet: 'The Riverton Ledger',
      author: 'Dana Whitfield, Marcus Oyelaran',
      published: '2023-06-28',
      url: 'https://rivertonledger.example/2023/06/28/council-passes-budget/',
      language: 'en-US',
    });
  });

  it('takes the date from <time datetime> and the author from a meta tag when a page has no JSON-LD', () => {
    const article = readArticle('wire-floods.html', savedPage('wire-floods.html'));
    expect(article.headline).toBe('Floods force thousands from homes in river valley');
    expect(article.meta).toEqual({
      title: 'Floods force thousands from homes in river valley',
      outlet: 'Global Wire Service',
      author: 'Maria Lopez',
      published: '2022-09-15',
      language: 'en',
    });
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toMatch(/^SANTA INÉS, Valdoria \(GW\) — Floodwater swept/);
    expect(article.paragraphs.at(-1)).toBe('More rain is forecast for the weekend.');
    expect(JSON.stringify(article)).not.toMatch(
      /Advertisement|newsletter|Copyright|More from|Drought|Copy link|Careers|INITIAL_STATE/,
    );
  });

  it('reads a page with more markup than Readability can go through quickly whole, furniture and all', () => {
    const padding = '<span></span>'.repeat(MAX_READER_ELEMENTS);
    const read = (extra: string) =>
      readArticle('page.html', savedPage('wire-floods.html').replace('<div id="app">', `<div id="app">${extra}`));
    const big = read(padding);
    expect(big.paragraphs).toEqual(expect.arrayContaining(read('').paragraphs));
    expect(big.paragraphs).toContain('Drought cuts harvest in southern provinces');
    expect(read(padding.slice(0, 1000)).paragraphs).not.toContain('Drought cuts harvest in southern provinces');
  });
});

describe('readArticle: what it refuses', () => {
  it('refuses a file type it does not read, naming the file and the types it does', () => {
    const error = refusal('report.pdf', '%PDF-1.7');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('Sourcewise reads articles from .txt, .md or .html files; "report.pdf" is none of these');
    expect(refusal('no-extension', 'text').message).toMatch(/"no-extension" is none of these/);
  });

  it('refuses empty text and binary content with a clear message', () => {
    expect(refusal('empty.txt', '  \n\n ').message).toBe('"empty.txt" is empty: there is no article text in it');
    expect(refusal('image.txt', `PNG\u0000\u0000\u0001binary`).message).toMatch(/^"image\.txt" is not a text file/);
    expect(refusal('doc.md', '\uFFFD'.repeat(500) + 'some words').message).toMatch(/is not a text file/);
  });

  it('refuses Markdown and web pages too large to read without holding up other calls, and says what to do', () => {
    const links = (bytes: number) =>
      `${'[a link](https://example.org/) and *emphasis* '.repeat(100)}\n\n`.repeat(Math.ceil(bytes / 4000));
    const markdown = refusal('long.md', links(MAX_MARKDOWN_BYTES + 1024));
    expect(markdown.code).toBe('too-large');
    expect(markdown.message).toMatch(
      /^"long\.md" is \d+ KB of Markdown; Sourcewise reads at most 256 KB of Markdown.*paste just the article's text$/,
    );
    // Pasted text that reads as Markdown has the same cap; plain text of that size is read.
    expect(refusal('pasted.txt', `# Headline\n\n${links(MAX_MARKDOWN_BYTES)}`).message).toMatch(/KB of Markdown/);
    const plain = `${'A plain sentence of an article. '.repeat(32)}\n\n`.repeat(400);
    expect(plain.length).toBeGreaterThan(MAX_MARKDOWN_BYTES);
    expect(readArticle('plain.txt', plain).paragraphs).toHaveLength(400);
    const page = refusal('page.html', `<p>${'words '.repeat(MAX_HTML_BYTES / 6 + 10)}</p>`);
    expect(page.message).toMatch(/KB of a web page; Sourcewise reads at most 2048 KB of a web page/);
  });

  it('refuses more paragraphs than a pack can hold', () => {
    const error = refusal('many.txt', Array.from({ length: 1001 }, (_, index) => `Paragraph ${index}.`).join('\n\n'));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/has 1001 paragraphs; a pack holds at most 1000/);
  });
});

describe('dateLine', () => {
  it.each([
    ['October 23, 2024', '2024-10-23'],
    ['Oct. 23, 2024', '2024-10-23'],
    ['Wednesday, October 23, 2024', '2024-10-23'],
    ['23 October 2024', '2024-10-23'],
    ['Published: 5 Sept 2023', '2023-09-05'],
    ['October 23, 2024, 10:45 a.m. EDT', '2024-10-23'],
    ['2024-10-23T09:15:00+01:00', '2024-10-23'],
  ])('reads "%s" as %s', (line, date) => {
    expect(dateLine(line)).toBe(date);
  });

  it.each(['February 30, 2024', 'October 2024', 'On October 23, 2024 officials met', '2024-13-01'])(
    'does not take "%s" for a date',
    (line) => {
      expect(dateLine(line)).toBeUndefined();
    },
  );
});

describe('readArticle: hostile nesting and sizes are refused plainly, never slowly', () => {
  it('refuses HTML nested deeper than any article', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}Text of the article, long enough to be a paragraph.${'</div>'.repeat(100_000)}</body></html>`;
    expect(() => readArticle('deep.html', html)).toThrow(new RegExp(`nested more than ${MAX_NESTING} levels deep`));
  });

  it('still reads an article nested as deep as real pages go', () => {
    const depth = MAX_NESTING - 10;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>First paragraph of the article.</p><p>Second paragraph.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(readArticle('nested.html', html).paragraphs).toEqual(['First paragraph of the article.', 'Second paragraph.']);
  });

  it('refuses Markdown nested 20,000 deep with a clear message, not a stack overflow', () => {
    for (const markdown of [`${'>'.repeat(20_000)} quoted\n`, `${'- '.repeat(20_000)}item\n`, `${'['.repeat(20_000)}x\n`]) {
      expect(() => readArticle('deep.md', markdown)).toThrow(/nested more than .* levels deep|longer than/);
    }
  });

  it('refuses a Markdown line or paragraph longer than a pack allows before tokenising it', () => {
    expect(() => readArticle('long.md', 'word '.repeat(50_000))).toThrow(/longer than/);
  });
});
