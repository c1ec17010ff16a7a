/** Fills `start` and `end` of every `{paragraph, quote}` reference in `pack`; returns the problems by JSON path. */
export function fillOffsets(pack: unknown): string[];
