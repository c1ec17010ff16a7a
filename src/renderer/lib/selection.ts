/**
 * The offset, in the paragraph's own text, of a DOM position inside the rendered paragraph. The
 * paragraph's DOM text is exactly its text (highlights are spans around runs, tags come from CSS).
 */
export function paragraphOffset(paragraph: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  range.setEnd(node, offset);
  return range.toString().length;
}
