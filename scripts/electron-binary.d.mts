/** The name of the one environment variable that points at an Electron executable you provide. */
export declare const ELECTRON_BINARY_VARIABLE: 'ELECTRON_EXEC_PATH';

/** The Electron binary, or why there is none; never downloads. */
export declare function findElectronBinary(env?: NodeJS.ProcessEnv): { path: string } | { missing: string };
