// The one-file page: the pack comes back exactly from its data block whatever its text holds, the
// policy allows exactly the page's own script and style, and nothing is fetched.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../shared/pack/schema';
import { PACK_ELEMENT_ID } from '../../shared/player-page';
import { packHtml, readPlayer, type PlayerFiles } from './html-export';

const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')) as Pack;
const player: PlayerFiles = { script: 'document.title = "x";', style: 'body { color: red; }' };

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/** Every element with its attributes and text, as a browser's parser would split the page. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const open: Element[] = [];
  const parser = new Parser({
    onopentag: (name, attributes) => {
      const element = { name, attributes, text: '' };
      elements.push(element);
      open.push(element);
    },
    ontext: (text) => {
      const current = open.at(-1);
      if (current) current.text += text;
    },
    onclosetag: () => void open.pop(),
  });
  parser.write(html);
  parser.end();
  return elements;
}

function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

describe('packHtml', () => {
  it('holds the pack in a data block that no pack text can end, and reads it back exactly', () => {
    const hostile = structuredClone(seed);
    hostile.meta.title = 'Troops </script><script>alert(1)</script> & <!-- "quotes"';
    hostile.article.paragraphs[0] = `${hostile.article.paragraphs[0]} </SCRIPT ><img src=x onerror=alert(1)> \u2028`;
    const elements = elementsOf(packHtml(hostile, player));

    const scripts = elements.filter((element) => element.name === 'script');
    expect(scripts.map((script) => script.attributes)).toEqual([{ type: 'application/json', id: PACK_ELEMENT_ID }, {}]);
    expect(JSON.parse(scripts[0]!.text)).toEqual(hostile);
    expect(scripts[1]!.text).toBe(player.script);
    expect(elements.some((element) => element.name === 'img')).toBe(false);
    expect(elements.find((element) => element.name === 'title')?.text).toBe(`${hostile.meta.title} · Sourcewise`);
  });

  it('allows exactly its own script and style by hash, and fetches nothing', () => {
    const elements = elementsOf(packHtml(seed, player));
    const policy = elements.find((element) => element.attributes['http-equiv'] === 'Content-Security-Policy')?.attributes.content;
    const directives = new Map(
      policy?.split('; ').map((directive) => [directive.split(' ')[0], directive.slice(directive.indexOf(' ') + 1)]),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe(hashOf(player.script));
    expect(directives.get('style-src')).toBe(hashOf(player.style));
    expect(directives.get('connect-src')).toBe("'none'");
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
    expect(elements.find((element) => element.name === 'style')?.text).toBe(player.style);
    expect(elements.filter((element) => element.attributes.src !== undefined || element.attributes.href !== undefined)).toEqual(
      [],
    );
  });

  it('refuses a built player that would end its own element', () => {
    expect(() => packHtml(seed, { ...player, script: 'x = "</script>";' })).toThrow(/closing tag/);
  });
});

describe('readPlayer', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the built files, and says how to build them when they are missing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcewise-player-'));
    await expect(readPlayer(dir)).rejects.toThrow(/npm run build/);
    writeFileSync(join(dir, 'player.js'), player.script);
    writeFileSync(join(dir, 'player.css'), player.style);
    expect(await readPlayer(dir)).toEqual(player);
  });
});
