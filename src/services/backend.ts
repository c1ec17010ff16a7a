/**
 * The one implementation of the contract. Both transports (Electron IPC and browser-mode HTTP) call
 * into an instance of this class after validating the input; it never sees raw input.
 */
import type { Api, AppInfo, MethodInput, PackList } from '../shared/contract';
import { APP_NAME, type BackendConfig } from './config';
import { PackLibrary } from './pack-library';

export class Backend implements Api {
  private readonly config: BackendConfig;
  private readonly library: PackLibrary;

  constructor(config: BackendConfig) {
    this.config = config;
    this.library = new PackLibrary(config.packsDir);
  }

  async getAppInfo(_input: MethodInput<'getAppInfo'>): Promise<AppInfo> {
    return { name: APP_NAME, version: this.config.appVersion, shell: this.config.shell, dataDir: this.config.dataDir };
  }

  async listPacks(_input: MethodInput<'listPacks'>): Promise<PackList> {
    return this.library.list();
  }
}
