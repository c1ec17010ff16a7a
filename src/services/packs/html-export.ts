/**
 * A pack as one HTML file that plays offline in any current browser: the one-file player
 * (src/standalone/, built into `out/player/`), its styles and the pack, all inline. The page's
 * Content-Security-Policy allows exactly that script and that style sheet, by their SHA-256 hashes:
 * no `unsafe-inline`, no `eval`, nothing fetched, no form, no frame. The pack sits in a JSON data
 * block the browser never runs, written so that no pack text can end it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';
import type { Pack } from '../../shared/pack/schema';
import { PACK_ELEMENT_ID, packDataBlock } from '../../shared/player-page';

/** The built player's files in `playerDir`. */
export const PLAYER_SCRIPT = 'player.js';
export const PLAYER_STYLE = 'player.css';

export interface PlayerFiles {
  script: string;
  style: string;
}

/** Reads the built player; a missing build says how to make it. */
export async function readPlayer(playerDir: string): Promise<PlayerFiles> {
  try {
    const [script, style] = await Promise.all([
      readFile(join(playerDir, PLAYER_SCRIPT), 'utf8'),
      readFile(join(playerDir, PLAYER_STYLE), 'utf8'),
    ]);
    return { script, style };
  } catch {
    throw new ApiError('internal', `The one-file player is not built (${playerDir}). Run "npm run build" first.`);
  }
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page's policy: its own inline script and style sheet by hash, and nothing else. */
export function playerPolicy(player: PlayerFiles): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(player.script)}`,
    `style-src ${sha256(player.style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
    "connect-src 'none'",
  ].join('; ');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** The whole page for one (validated) pack. */
export function packHtml(pack: Pack, player: PlayerFiles): string {
  // Inline code cannot be escaped without changing its hash: a closing tag inside it would end it early.
  if (/<\/script/i.test(player.script) || /<\/style/i.test(player.style)) {
    throw new ApiError('internal', 'The built player holds a closing tag and cannot be inlined.');
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${playerPolicy(player)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(pack.meta.title)} · Sourcewise</title>`,
    `<style>${player.style}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script type="application/json" id="${PACK_ELEMENT_ID}">${packDataBlock(pack)}</script>`,
    `<script>${player.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The download's name: the pack's id (already safe as a file name on every system). */
export function packHtmlFileName(pack: Pack): string {
  return `${pack.id}.html`;
}
