/**
 * Hands a file the backend made to the person: the browser's own download (a save dialog in the
 * desktop app), from memory. Nothing leaves the machine.
 */
import type { ExportedFile } from '../../shared/contract';

export function saveFile(file: ExportedFile): void {
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0))
      : new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
