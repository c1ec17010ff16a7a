/**
 * The one-file player's start: the pack comes from the page's own data block (JSON, never run), the
 * learner's answers live in this browser's localStorage.
 */
import { mount } from 'svelte';
import type { Pack } from '../shared/pack/schema';
import '../renderer/styles/app.css';
import { LocalApi } from './local-api';
import { PACK_ELEMENT_ID } from '../shared/player-page';
import Standalone from './Standalone.svelte';
import { StandaloneState } from './standalone.svelte';

const target = document.getElementById('app');
const data = document.getElementById(PACK_ELEMENT_ID);
if (!target || !data?.textContent) throw new Error('this page holds no pack');
// The pack was validated when the file was made; the page only reads it back.
const pack = JSON.parse(data.textContent) as Pack;
const api = new LocalApi(pack, localStorage, { appVersion: __APP_VERSION__ });
mount(Standalone, { target, props: { app: new StandaloneState(api, pack) } });
