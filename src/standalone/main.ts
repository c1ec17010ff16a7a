/**
 * The one-file player's start: the pack comes from the page's own data block (JSON, never run). Run
 * by a school's LMS (the SCORM package), the learner's play is kept in the LMS and reported there;
 * opened any other way, it lives in this browser's localStorage.
 */
import { mount } from 'svelte';
import type { Pack } from '../shared/pack/schema';
import '../renderer/styles/app.css';
import { LocalApi } from './local-api';
import { PACK_ELEMENT_ID } from '../shared/player-page';
import { findScormApi, ScormSession } from './scorm';
import Standalone from './Standalone.svelte';
import { StandaloneState } from './standalone.svelte';

const target = document.getElementById('app');
const data = document.getElementById(PACK_ELEMENT_ID);
if (!target || !data?.textContent) throw new Error('this page holds no pack');
// The pack was validated when the file was made; the page only reads it back.
const pack = JSON.parse(data.textContent) as Pack;
const options = { appVersion: __APP_VERSION__ };
const lmsApi = findScormApi(window);
const lms = lmsApi && ScormSession.open(lmsApi, pack, options);
const api = new LocalApi(pack, lms ? lms.storage : localStorage, options);
if (lms) {
  // Leaving the page (closing it, or the LMS moving on) ends the LMS session, once.
  addEventListener('pagehide', () => lms.finish());
  addEventListener('beforeunload', () => lms.finish());
}
const app = new StandaloneState(api, pack, { inLms: lms !== undefined });
if (lms?.learnerName && !app.learner) app.start(lms.learnerName);
mount(Standalone, { target, props: { app } });
