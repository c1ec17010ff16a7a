/**
 * What a SCORM 1.2 package of a pack tells the school's LMS, as pure functions for the export
 * (src/services/packs/scorm-export.ts) and the player inside the LMS (src/standalone/scorm.ts).
 */

/** The share of a pack's exercises to get right to pass, in percent (the manifest's adlcp:masteryscore). */
export const SCORM_MASTERY_PERCENT = 70;
