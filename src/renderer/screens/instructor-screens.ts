/** The instructor's screens, loaded together when the first of them opens: a learner never loads them. */
export { default as ClassReports } from './ClassReports.svelte';
export { default as Studio } from './Studio.svelte';
export { ClassReportsState } from './class-reports.svelte';
export { StudioState } from './studio.svelte';
