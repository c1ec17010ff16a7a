/**
 * Reads an article file for the studio: plain text, Markdown or a saved web page, reduced to a
 * headline, plain-text paragraphs and what the file says about itself (outlet, author, date, address,
 * language).
 *
 * The file is untrusted. HTML is parsed with htmlparser2 into events and only its text is kept: it is
 * never executed or rendered, scripts, styles, forms, navigation and the like are dropped whole, and
 * attributes are never copied into the text (so `onerror=` or `javascript:` addresses cannot reach
 * it). A web page's remaining markup, with only the attributes that say what a part is (class, id,
 * role, itemprop...), then goes to Mozilla's Readability over linkedom's DOM (no layout, no scripts,
 * no fetching) to tell the article from the page around it, and what it keeps is read as text again.
 * Markdown is tokenised with marked's lexer and reduced to its text the same way (links become
 * their text, images go, raw HTML goes through the HTML reader).
 */
import { extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { Lexer, type Token, type Tokens } from 'marked';
import { ApiError } from '../../shared/errors';
import { MAX_ARTICLE_FILE_BYTES } from '../../shared/limits';

/** What a pack allows (see `Article` in the pack schema). */
export const MAX_PARAGRAPH_CHARS = 20000;
export const MAX_PARAGRAPHS = 1000;
/**
 * Elements inside elements (HTML), or quotes and lists inside each other (Markdown), deeper than
 * this are refused: no article is, and the readers' work (marked's recursion above all) grows with it.
 */
export const MAX_NESTING = 256;
/**
 * The most of each kind of markup read, in bytes. Reading Markdown costs about 2 ms per kilobyte here
 * (marked's lexer, links and emphasis above all), HTML about a tenth of that, so these caps keep every
 * read well under half a second, during which no other call is answered. A Markdown article is rarely
 * 50 KB; a saved news page with its scripts and styles rarely 2 MB.
 */
export const MAX_MARKDOWN_BYTES = 256 * 1024;
export const MAX_HTML_BYTES = 2 * 1024 * 1024;
/**
 * Readability costs about 0.02 to 0.04 ms per element of the page's text markup here (scripts, styles and
 * the like already gone); a news page has a few thousand. A page with more is read without it: its
 * text is all kept, page furniture included, for the instructor to delete.
 */
export const MAX_READER_ELEMENTS = 8000;
/** Readability's work also grows with nesting (about 3 ms a level here); news pages nest 20 to 40 deep. */
export const MAX_READER_NESTING = 100;

function tooDeep(): ApiError {
  return new ApiError('invalid-input', `the file is nested more than ${MAX_NESTING} levels deep; an article never is`);
}

export interface ArticleMeta {
  title: string;
  outlet: string;
  author: string;
  /** YYYY-MM-DD. */
  published: string;
  /** An http:// or https:// address. */
  url: string;
  /** A BCP 47 language tag. */
  language: string;
}

export interface ArticleText {
  /** '' when the file does not say (a plain text file without a heading): the instructor fills it in. */
  headline: string;
  paragraphs: string[];
  meta: Partial<ArticleMeta>;
}

type Format = 'text' | 'markdown' | 'html';

const FORMATS = new Map<string, Format>([
  ['.txt', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
]);

export function readArticle(name: string, text: string): ArticleText {
  const format = FORMATS.get(extname(name).toLowerCase());
  if (format === undefined) {
    throw new ApiError(
      'invalid-input',
      `Sourcewise reads articles from .txt, .md or .html files; "${shortName(name)}" is none of these`,
    );
  }
  checkText(name, text);
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const reader = format === 'html' ? 'html' : format === 'markdown' || looksLikeMarkdown(source) ? 'markdown' : 'text';
  checkMarkupSize(name, source, reader);
  const read = reader === 'html' ? readWebPage(source) : reader === 'markdown' ? readMarkdown(source) : readPlainText(source);
  const article = assemble(read);
  if (article.paragraphs.length === 0) {
    throw new ApiError(
      'invalid-input',
      `"${shortName(name)}" has no article text that Sourcewise could find` +
        (format === 'html'
          ? ' (a page that builds its text with scripts has none until a browser runs them: paste the text instead)'
          : ''),
    );
  }
  if (article.paragraphs.length > MAX_PARAGRAPHS) {
    throw new ApiError(
      'too-large',
      `"${shortName(name)}" has ${article.paragraphs.length} paragraphs; a pack holds at most ${MAX_PARAGRAPHS}, so paste just the article`,
    );
  }
  return article;
}

/** Empty, too large or not text at all (a PDF or a word-processor file read as text): said plainly. */
function checkText(name: string, text: string): void {
  const bytes = text.length > MAX_ARTICLE_FILE_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ARTICLE_FILE_BYTES) {
    throw new ApiError(
      'too-large',
      `"${shortName(name)}" is larger than the ${MAX_ARTICLE_FILE_BYTES}-byte limit for an article`,
    );
  }
  if (text.trim() === '') throw new ApiError('invalid-input', `"${shortName(name)}" is empty: there is no article text in it`);
  // Bytes that are not UTF-8 text arrive as U+FFFD; NUL never appears in text.
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  if (text.includes('\u0000') || replaced > Math.max(8, text.length / 100)) {
    throw new ApiError(
      'invalid-input',
      `"${shortName(name)}" is not a text file (perhaps a PDF or a word-processor document): save the article as text, Markdown or a web page first`,
    );
  }
}

/** Markup beyond what can be read without holding up every other call: refused, with what to do instead. */
function checkMarkupSize(name: string, text: string, reader: Format): void {
  const cap = reader === 'markdown' ? MAX_MARKDOWN_BYTES : reader === 'html' ? MAX_HTML_BYTES : undefined;
  if (cap === undefined) return;
  const bytes = text.length > cap ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes <= cap) return;
  const kind = reader === 'markdown' ? 'Markdown' : 'a web page';
  throw new ApiError(
    'too-large',
    `"${shortName(name)}" is ${Math.ceil(bytes / 1024)} KB of ${kind}; Sourcewise reads at most ${cap / 1024} KB of ${kind}, far more than an article needs: save or paste just the article's text`,
  );
}

/** Pasted or .txt text that is really Markdown: it opens with a `# ` heading or has `[text](address)` links. */
function looksLikeMarkdown(text: string): boolean {
  return /^\s*#{1,6}[ \t]/.test(text) || /\[[^\]\n]+\]\([^)\s]*\)/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Blocks: the text of each paragraph-like piece of the file, before deciding what is article text

interface Block {
  text: string;
  /** A heading, with its level (1 for `#` and `<h1>`). */
  heading?: number;
  /** Ends with a link and is short: a photo caption with its credit, in Markdown. */
  caption?: boolean;
}

interface ReadFile {
  blocks: Block[];
  /** Set by formats that find the headline themselves (HTML); otherwise the first top heading. */
  headline?: string;
  meta: Partial<ArticleMeta>;
}

interface ReadPage extends ReadFile {
  /** The first `<h1>` with text, else the page's `<title>`. */
  headline: string;
  /**
   * The markup kept, with only the attributes in READER_ATTRIBUTES, and the page's JSON-LD; left
   * unfinished past MAX_READER_ELEMENTS, where Readability is not used.
   */
  markup: string;
  /** How many elements `markup` holds, and how deep they nest. */
  elements: number;
  nesting: number;
  /** The first `<time datetime>` of the page. */
  time?: string;
}

/** Longest first line taken as the headline of plain text. */
const MAX_HEADLINE = 200;

function readPlainText(text: string): ReadFile {
  // Text copied from a web page has one line break between paragraphs, not a blank line; a line that
  // only continues a sentence is joined back to it when the article is assembled.
  const paragraphBreak = /\n[ \t]*\n/.test(text.trim()) ? /\n[ \t]*\n/ : /\n/;
  const blocks: Block[] = text.split(paragraphBreak).map((part) => ({ text: part }));
  // Pasted text starts with its headline: a first block of one short line that is not a sentence.
  const first = blocks.findIndex((block) => block.text.trim() !== '');
  const line = first === -1 ? '' : blocks[first]!.text.trim();
  const headlineLike =
    line !== '' &&
    !line.includes('\n') &&
    line.length <= MAX_HEADLINE &&
    !/[.!?…]["'”’»)]*$/.test(line) &&
    !BYLINE.test(line) &&
    dateLine(line) === undefined;
  if (headlineLike) {
    return { blocks: blocks.filter((_, index) => index !== first), headline: collapse(line), meta: {} };
  }
  return { blocks, headline: '', meta: {} };
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Elements whose content is never article text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'figcaption',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'dialog',
]);

/**
 * A class or id naming a box that asks something of the reader or states the site's terms, which
 * Readability keeps when it sits among the article's paragraphs ("support-box", "newsletter-signup").
 */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:support|donate|donation|membership|promo|newsletter|copyright|cookies?|consent|paywall|subscribe)(?:$|[\s_-])/i;

/** Page furniture, dropped unless inside `<article>` or `<main>`, where they hold the headline and byline. */
const FURNITURE = new Set(['header', 'footer']);

/** Elements that end one paragraph and start another. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'br',
  'hr',
  'address',
  'details',
  'summary',
  'figure',
  'header',
  'footer',
  'body',
  'center',
  'fieldset',
]);

const HEADINGS = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

/** Meta tags and the field each fills (the first one found wins). */
const META_FIELDS = new Map<string, keyof ArticleMeta>([
  ['og:site_name', 'outlet'],
  ['author', 'author'],
  ['article:author', 'author'],
  ['article:published_time', 'published'],
  ['og:url', 'url'],
  ['og:title', 'title'],
]);

/** Attributes Readability reads to tell the article from page furniture, and nothing that could run or fetch. */
const READER_ATTRIBUTES = new Set(['class', 'id', 'role', 'itemprop', 'rel', 'name', 'property', 'content', 'lang', 'dir']);
/** Elements that have no closing tag (htmlparser2 still reports one). */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Structured data about the article (JSON-LD): kept for Readability, which reads its headline, author, publisher and date. */
const JSON_LD = 'application/ld+json';

function readHtml(html: string): ReadPage {
  const blocks: Block[] = [];
  let markup = '';
  let elements = 0;
  let nesting = 0;
  let time: string | undefined;
  /** Inside `<script type="application/ld+json">`: its text goes to the markup as it is (JSON.parse reads it, nothing runs it). */
  let inJsonLd = false;
  const meta: Partial<ArticleMeta> = {};
  let canonical: string | undefined;
  let pageTitle = '';
  let headline: string | undefined;
  /** Open elements, innermost last. */
  const open: string[] = [];
  /** How many of them are `<article>` or `<main>` (counted, not searched for: the search made deep pages quadratic). */
  let articleDepth = 0;
  /** How many open elements are inside a dropped one (0: keeping text). */
  let dropDepth = 0;
  let inTitle = false;
  /** Collecting the first `<h1>`: its text is the headline, not a paragraph. */
  let headlineDepth: number | undefined;
  let headlineText = '';
  let current = '';
  let heading: number | undefined;

  const flush = () => {
    if (current.trim() !== '') blocks.push({ text: current, ...(heading !== undefined ? { heading } : {}) });
    current = '';
    heading = undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (open.length > MAX_NESTING) throw tooDeep();
        if (name === 'article' || name === 'main') articleDepth += 1;
        if (dropDepth > 0) {
          dropDepth += 1;
          return;
        }
        if (name === 'script' && attributes.type?.trim().toLowerCase() === JSON_LD) {
          inJsonLd = true;
          markup += `<script type="${JSON_LD}">`;
        }
        const inArticle = articleDepth > 0;
        if (
          DROPPED.has(name) ||
          (FURNITURE.has(name) && !inArticle) ||
          'hidden' in attributes ||
          FURNITURE_NAME.test(attributes.class ?? '') ||
          FURNITURE_NAME.test(attributes.id ?? '') ||
          attributes['aria-hidden'] === 'true'
        ) {
          dropDepth = 1;
          return;
        }
        elements += 1;
        nesting = Math.max(nesting, open.length);
        if (elements <= MAX_READER_ELEMENTS) markup += `<${name}${readerAttributes(attributes)}>`;
        if (name === 'time' && attributes.datetime !== undefined) time ??= attributes.datetime;
        if (name === 'html' && attributes.lang !== undefined) meta.language ??= attributes.lang;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? '').toLowerCase();
          const field = META_FIELDS.get(key);
          if (field !== undefined && attributes.content !== undefined) meta[field] ??= attributes.content;
        }
        if (
          name === 'link' &&
          attributes.href !== undefined &&
          (attributes.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')
        ) {
          canonical ??= attributes.href;
        }
        if (BLOCK.has(name)) flush();
        if (name === 'h1' && headline === undefined && headlineDepth === undefined) {
          headlineDepth = open.length;
          headlineText = '';
        } else {
          heading = HEADINGS.get(name) ?? heading;
        }
      },
      ontext(text) {
        if (inJsonLd) markup += text;
        if (dropDepth > 0) return;
        if (elements <= MAX_READER_ELEMENTS) markup += escapeHtml(text);
        if (inTitle) pageTitle += text;
        else if (headlineDepth !== undefined) headlineText += text;
        else current += text;
      },
      onclosetag(name) {
        const depth = open.length;
        open.pop();
        if (name === 'article' || name === 'main') articleDepth -= 1;
        if (inJsonLd) {
          inJsonLd = false;
          markup += '</script>';
        }
        if (dropDepth > 0) {
          dropDepth -= 1;
          return;
        }
        if (!VOID.has(name) && elements <= MAX_READER_ELEMENTS) markup += `</${name}>`;
        if (name === 'title') inTitle = false;
        if (headlineDepth === depth) {
          headlineDepth = undefined;
          // An <h1> holding only a logo image says nothing: look on for the next one.
          if (collapse(headlineText) !== '') headline = collapse(headlineText);
          return;
        }
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();

  if (canonical !== undefined) meta.url = canonical;
  meta.title ??= pageTitle;
  return {
    blocks,
    headline: headline ?? collapse(pageTitle),
    meta,
    markup,
    elements,
    nesting,
    ...(time !== undefined ? { time } : {}),
  };
}

function readerAttributes(attributes: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (READER_ATTRIBUTES.has(name)) out += ` ${name}="${escapeHtml(value).replace(/"/g, '&quot;')}"`;
  }
  return out;
}

/**
 * A saved web page: the article as Readability finds it, and what the page says about it, JSON-LD
 * first, then meta tags, then the first `<time datetime>`. A page too big for Readability, or one
 * where it finds nothing, is read whole.
 */
function readWebPage(html: string): ReadFile {
  const page = readHtml(html);
  const whole: ReadFile = {
    blocks: page.blocks,
    headline: page.headline,
    meta: { ...page.meta, ...definedText({ published: page.meta.published ?? page.time }) },
  };
  if (page.elements > MAX_READER_ELEMENTS || page.nesting > MAX_READER_NESTING) return whole;
  const { document } = parseHTML(page.markup);
  const found = new Readability(document, { keepClasses: false }).parse();
  if (found === null || typeof found.content !== 'string') return whole;
  // Readability turns the headline's <h1> into an <h2>: it is the headline, not a paragraph.
  const blocks = readHtml(found.content).blocks.filter(
    (block) => block.heading === undefined || collapse(block.text) !== page.headline,
  );
  if (blocks.length === 0) return whole;
  return {
    blocks,
    headline: page.headline,
    meta: {
      ...whole.meta,
      ...definedText({
        outlet: found.siteName,
        author: found.byline?.replace(/^by\s+/i, ''),
        published: found.publishedTime,
      }),
    },
  };
}

function definedText(fields: Partial<Record<keyof ArticleMeta, string | null | undefined>>): Partial<ArticleMeta> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
}

/** The text of an HTML fragment (Markdown's raw HTML), one entry per paragraph. */
function htmlFragmentText(html: string): string[] {
  return readHtml(html)
    .blocks.map((block) => collapse(block.text))
    .filter((text) => text !== '');
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Quote and list markers at the start of a line: how deep the line is nested. */
const NESTING_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

function readMarkdown(markdown: string): ReadFile {
  checkMarkdownShape(markdown);
  const blocks: Block[] = [];
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(markdown);
  } catch (error) {
    // Inline nesting the checks above do not see ("[[[[…"): marked recurses, and runs out of stack.
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
  markdownBlocks(tokens, blocks);
  return { blocks, meta: {} };
}

/**
 * Before tokenising (whose time grows faster than the text on long paragraphs and deep nesting):
 * no paragraph longer than a pack allows, no line nested deeper than MAX_NESTING.
 */
function checkMarkdownShape(markdown: string): void {
  for (const paragraph of markdown.split(/\n[ \t]*\n/)) {
    if (paragraph.length > MAX_PARAGRAPH_CHARS) {
      throw new ApiError(
        'too-large',
        `the file has a paragraph of ${paragraph.length} characters, longer than the ${MAX_PARAGRAPH_CHARS} a pack allows`,
      );
    }
    for (const line of paragraph.split('\n')) {
      const markers = NESTING_MARKERS.exec(line)?.[0].replace(/[ \t\d]/g, '').length ?? 0;
      if (markers > MAX_NESTING) throw tooDeep();
    }
  }
}

function markdownBlocks(tokens: readonly Token[], out: Block[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const { tokens: inline, depth } = token as Tokens.Heading;
        out.push({ text: inlineText(inline).join(' '), heading: depth });
        break;
      }
      case 'paragraph':
      case 'text': {
        const inline = (token as Tokens.Paragraph).tokens ?? [token];
        const texts = inlineText(inline);
        const last = inline.filter((part) => part.type !== 'space' && !(part.type === 'text' && part.raw.trim() === '')).at(-1);
        const caption = (last?.type === 'link' || last?.type === 'image') && texts.join(' ').length < 300;
        texts.forEach((text, index) => out.push({ text, ...(caption && index === texts.length - 1 ? { caption } : {}) }));
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) markdownBlocks(item.tokens, out);
        break;
      case 'blockquote':
        markdownBlocks((token as Tokens.Blockquote).tokens, out);
        break;
      case 'code':
        out.push({ text: (token as Tokens.Code).text });
        break;
      case 'html':
        for (const text of htmlFragmentText((token as Tokens.HTML).text)) out.push({ text });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push({ text: row.map((cell) => inlineText(cell.tokens).join(' ')).join(' · ') });
        }
        break;
      }
      default:
        // space, hr, def (link definitions), and anything an extension might add: no article text.
        break;
    }
  }
}

/**
 * Inline tokens as text. They are written out as an HTML fragment (text escaped, raw HTML as it
 * came) and read back with the HTML reader, which decodes entities and drops `<script>` and the like
 * even when Markdown splits them into pieces.
 */
function inlineText(tokens: readonly Token[]): string[] {
  return htmlFragmentText(inlineHtml(tokens));
}

function inlineHtml(tokens: readonly Token[]): string {
  let html = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        // Marked leaves entities (`&amp;`) in text for its renderer to pass on: keep them for the reader to decode.
        html += token.tokens ? inlineHtml(token.tokens) : (token as Tokens.Text).text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
        break;
      case 'escape':
      case 'codespan':
        html += escapeHtml((token as Tokens.Codespan).text);
        break;
      case 'html':
        html += (token as Tokens.HTML).text;
        break;
      case 'br':
        html += '<br>';
        break;
      case 'image':
      case 'checkbox':
        break;
      default: {
        // link, strong, em, del: their text, without the address or the emphasis.
        const { tokens: inner, text } = token as Tokens.Generic;
        if (inner) html += inlineHtml(inner);
        else if (typeof text === 'string') html += escapeHtml(text);
        break;
      }
    }
  }
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------------------------
// From blocks to an article

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
/** A time of day after a date ("10:45 a.m. EDT"), ignored. */
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,5})?)?';
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, 'i');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A line that is only a date, as YYYY-MM-DD; undefined when it is not one (or not a real date). */
export function dateLine(line: string): string | undefined {
  const text = line.trim().replace(/^(published|updated|posted)\s*:?\s+/i, '');
  let parts: [string, number, string] | undefined;
  const iso = ISO_DATE.exec(text);
  const monthFirst = MONTH_FIRST.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  if (iso) parts = [iso[1]!, Number(iso[2]), iso[3]!];
  else if (monthFirst) parts = [monthFirst[3]!, MONTHS.indexOf(monthFirst[1]!.toLowerCase().slice(0, 3)) + 1, monthFirst[2]!];
  else if (dayFirst) parts = [dayFirst[3]!, MONTHS.indexOf(dayFirst[2]!.toLowerCase().slice(0, 3)) + 1, dayFirst[1]!];
  if (parts === undefined) return undefined;
  const [year, month, day] = parts;
  const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date ? date : undefined;
}

/** "By AFP", "By Jane Doe and John Roe": a byline, not a sentence that starts with "By". */
const BYLINE = /^by\s+([^.!?]{1,120})$/i;
/** Pointers to other articles. */
const RELATED = /^(related( articles?)?|read more|read also|also read|see also|more on this)\s*:/i;
/** A line that is all page furniture: calls to act and slot labels between the paragraphs of the article. */
const FURNITURE_LINE =
  /^(advertisement|advert|ad|sponsored( content)?|support us|donate|subscribe( now)?|sign up( now)?|read more|show more|see more|share( this( article| story)?)?|skip to (main )?content|accept( all)?( cookies)?|continue reading|story continues below( advertisement)?)[.!:]?$/i;
/** A label for the address that follows ("Original url:"). */
const URL_LABEL = /^(original (url|article|address)|url|source|link)\s*:$/i;
const BARE_URL = /^(?:(?:original (?:url|article)|url|source|link)\s*:\s*)?<?(https?:\/\/[^\s<>]+)>?$/i;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
/** How a sentence can end, closing quotes and brackets included. */
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/;

function assemble({ blocks, headline: found, meta: fileMeta }: ReadFile): ArticleText {
  const meta: Partial<ArticleMeta> = {};
  const paragraphs: string[] = [];
  let headline = found;
  if (headline === undefined) {
    // Markdown: the first top-level heading, else the first heading of any level.
    const top = blocks.find((block) => block.heading === 1) ?? blocks.find((block) => block.heading !== undefined);
    headline = top === undefined ? '' : collapse(top.text);
    if (top !== undefined) blocks = blocks.filter((block) => block !== top);
  }

  let afterHeading = false;
  let bodyStarted = false;
  for (const block of blocks) {
    const text = collapse(block.text);
    if (text === '' || RELATED.test(text) || URL_LABEL.test(text) || FURNITURE_LINE.test(text)) continue;
    const url = BARE_URL.exec(text);
    if (url) {
      meta.url ??= url[1]!;
      continue;
    }
    const date = dateLine(text);
    if (date !== undefined) {
      meta.published ??= date;
      continue;
    }
    // A byline is only taken before the body starts: later, "By" may begin a real sentence.
    const byline = BYLINE.exec(text);
    if (byline && !bodyStarted && block.heading === undefined && text.split(' ').length <= 10) {
      meta.author ??= byline[1]!.trim();
      continue;
    }
    if (block.caption) continue;
    const previous = paragraphs.at(-1);
    // A sentence broken by a stray blank line: the first part ends mid-sentence, the rest starts in lower case.
    if (
      previous !== undefined &&
      !afterHeading &&
      block.heading === undefined &&
      /^[a-z]/.test(text) &&
      !SENTENCE_END.test(previous)
    ) {
      paragraphs[paragraphs.length - 1] = `${previous} ${text}`;
      continue;
    }
    paragraphs.push(text);
    afterHeading = block.heading !== undefined;
    bodyStarted ||= !afterHeading;
  }

  // What the file's own metadata says (an HTML page's meta tags) wins over what its text suggests.
  return { headline, paragraphs: paragraphs.flatMap(splitLong), meta: cleanMeta({ ...meta, ...fileMeta }) };
}

/** Only what would be valid in a pack is kept; the rest is left for the instructor. */
function cleanMeta(meta: Partial<ArticleMeta>): Partial<ArticleMeta> {
  const out: Partial<ArticleMeta> = {};
  const title = collapse(meta.title ?? '');
  if (title !== '') out.title = title.slice(0, 300);
  for (const field of ['outlet', 'author'] as const) {
    const value = collapse(meta[field] ?? '');
    if (value !== '' && !HTTP_URL.test(value)) out[field] = value.slice(0, 200);
  }
  const published = meta.published === undefined ? undefined : dateLine(meta.published);
  if (published !== undefined) out.published = published;
  const url = (meta.url ?? '').trim();
  if (HTTP_URL.test(url) && url.length <= 2000) out.url = url;
  const language = (meta.language ?? '').trim();
  if (LANGUAGE_TAG.test(language)) out.language = language;
  return out;
}

/** A paragraph longer than a pack allows, cut at sentence ends (or, failing that, at a space). */
function splitLong(paragraph: string): string[] {
  const parts: string[] = [];
  let rest = paragraph;
  while (rest.length > MAX_PARAGRAPH_CHARS) {
    const window = rest.slice(0, MAX_PARAGRAPH_CHARS + 1);
    let cut = -1;
    for (const match of window.matchAll(/[.!?…]["'”’»)\]]*\s/g)) cut = match.index + match[0].length - 1;
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = MAX_PARAGRAPH_CHARS;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shortName(name: string): string {
  return name.length > 120 ? `${name.slice(0, 119)}…` : name;
}
