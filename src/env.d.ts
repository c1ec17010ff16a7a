/** The app's version from package.json, substituted at build time. */
declare const __APP_VERSION__: string;
