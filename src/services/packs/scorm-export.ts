/**
 * A pack as a SCORM 1.2 package for a school's LMS (Moodle, Canvas, Blackboard): a zip holding
 * `imsmanifest.xml` (ADL SCORM 1.2 CAM: one organization, one item, one SCO) and the one-file player
 * page, the very page `export-html` writes. The player finds the LMS's SCORM API when the LMS runs it
 * (src/standalone/scorm.ts) and reports score, status, time and each answer there; opened any other
 * way, it plays as the HTML file does.
 */
import type { Pack } from '../../shared/pack/schema';
import { SCORM_MASTERY_PERCENT } from '../../shared/scorm';
import { packHtml, type PlayerFiles } from './html-export';
import { fflate } from '../load-later';

/** The SCO's page inside the package. */
export const SCORM_LAUNCH_PAGE = 'index.html';
export const SCORM_MANIFEST = 'imsmanifest.xml';

/** SCORM 1.2's cap on a title in the manifest (imscp titleType). */
const MAX_TITLE = 200;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** Pack text may hold characters XML 1.0 cannot carry at all (controls); they are dropped, not escaped. */
function xmlText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return escapeXml([...clean].slice(0, max).join(''));
}

/** The manifest: the pack's id names it (as an XML ID, which may not start with a digit, hence the prefix). */
export function scormManifest(pack: Pack): string {
  const title = xmlText(pack.meta.title, MAX_TITLE);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="sourcewise-${pack.id}" version="${pack.version}"`,
    '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    '  <organizations default="sourcewise-organization">',
    '    <organization identifier="sourcewise-organization">',
    `      <title>${title}</title>`,
    '      <item identifier="sourcewise-item" identifierref="sourcewise-sco" isvisible="true">',
    `        <title>${title}</title>`,
    `        <adlcp:masteryscore>${SCORM_MASTERY_PERCENT}</adlcp:masteryscore>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="sourcewise-sco" type="webcontent" adlcp:scormtype="sco" href="${SCORM_LAUNCH_PAGE}">`,
    `      <file href="${SCORM_LAUNCH_PAGE}"/>`,
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The package as zip bytes; entries carry one fixed date, so a pack always zips to the same bytes. */
export function packScormZip(pack: Pack, player: PlayerFiles): Uint8Array {
  const mtime = new Date(Date.UTC(2020, 0, 1));
  const { strToU8, zipSync } = fflate();
  return zipSync(
    {
      [SCORM_MANIFEST]: [strToU8(scormManifest(pack)), { mtime }],
      [SCORM_LAUNCH_PAGE]: [strToU8(packHtml(pack, player)), { mtime }],
    },
    { level: 9 },
  );
}

/** The download's name: the pack's id (already safe as a file name on every system). */
export function packScormFileName(pack: Pack): string {
  return `${pack.id}-scorm.zip`;
}
