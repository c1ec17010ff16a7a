/**
 * The learner's screens, loaded together when the first of them opens: one chunk rather than one per
 * screen, as they share most of their code (labels, scoring, the article). Start-up shows the learners
 * list, which needs none of it.
 */
export { default as Library } from './Library.svelte';
export { LibraryState } from './library.svelte';
export { default as Player } from './Player.svelte';
export { default as Progress } from './Progress.svelte';
export { default as Review } from './Review.svelte';
export { PlayerState } from './player.svelte';
export { ProgressState } from './progress.svelte';
export { ReviewState } from './review.svelte';
