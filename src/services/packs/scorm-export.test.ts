// The SCORM package: its manifest is valid against the SCORM 1.2 schemas (ADL's, vendored in
// scorm12-xsd/, checked with xmllint) and the zip holds the manifest and the one-file player page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../shared/pack/schema';
import { packHtml, type PlayerFiles } from './html-export';
import { packScormFileName, packScormZip, SCORM_LAUNCH_PAGE, SCORM_MANIFEST, scormManifest } from './scorm-export';

const XSD_DIR = join(import.meta.dirname, 'scorm12-xsd');
const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')) as Pack;
const player: PlayerFiles = { script: 'document.title = "x";', style: 'body { color: red; }' };

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** xmllint's verdict on a manifest against the three SCORM 1.2 schemas at once (a wrapper imports them). */
function validate(manifest: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scorm-manifest-'));
  temps.push(dir);
  const file = join(dir, SCORM_MANIFEST);
  writeFileSync(file, manifest);
  try {
    const output = execFileSync('xmllint', ['--noout', '--schema', join(XSD_DIR, 'scorm12.xsd'), file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('scormManifest', () => {
  it('is valid SCORM 1.2 (imscp, adlcp)', () => {
    const result = validate(scormManifest(seed));
    expect(result.output).not.toMatch(/fails to validate|error/i);
    expect(result.ok).toBe(true);
  });

  it('names one SCO of type webcontent launched from the player page, with a mastery score of 70', () => {
    const manifest = scormManifest(seed);
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toMatch(/<resource identifier="sourcewise-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
    expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(manifest).toContain(`<manifest identifier="sourcewise-${seed.id}" version="${seed.version}"`);
  });

  it('keeps a title with markup, quotes and control characters valid, capped at 200 characters', () => {
    const title = `<b>Tom & "Jerry"</b>\u0001 ${'x'.repeat(300)}`;
    const manifest = scormManifest({ ...seed, id: '9-lives', meta: { ...seed.meta, title } });
    expect(validate(manifest).ok).toBe(true);
    expect(manifest).toContain('<title>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; xxx');
    const shown = /<title>([^<]*)<\/title>/.exec(manifest)![1]!.replace(/&[a-z]+;/g, '_');
    expect(shown.length).toBe(200);
  });

  it('is refused by the schema when it breaks SCORM 1.2 (the check bites)', () => {
    expect(validate(scormManifest(seed).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')).ok).toBe(false);
    expect(validate(scormManifest(seed).replace(' type="webcontent"', '')).ok).toBe(false);
    expect(
      validate(
        scormManifest(seed)
          .replace('<adlcp:masteryscore>', '<adlcp:mastery>')
          .replace('</adlcp:masteryscore>', '</adlcp:mastery>'),
      ).ok,
    ).toBe(false);
    expect(validate(scormManifest(seed).replace(/<resources>[\s\S]*<\/resources>/, '')).ok).toBe(false);
  });
});

describe('packScormZip', () => {
  it('holds the manifest and the one-file player page, and zips a pack to the same bytes every time', () => {
    const zip = packScormZip(seed, player);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([SCORM_MANIFEST, SCORM_LAUNCH_PAGE]);
    expect(strFromU8(files[SCORM_MANIFEST]!)).toBe(scormManifest(seed));
    expect(strFromU8(files[SCORM_LAUNCH_PAGE]!)).toBe(packHtml(seed, player));
    expect(packScormZip(seed, player)).toEqual(zip);
    expect(packScormFileName(seed)).toBe(`${seed.id}-scorm.zip`);
  });
});
