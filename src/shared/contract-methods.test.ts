// The plain list of method names (which the preload bundles instead of the contract) is the contract's.
import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { ipcChannel, methodNames } from './contract-methods';

describe('the method names without the schemas', () => {
  it("are the contract's keys, in the contract's order", () => {
    expect([...methodNames]).toEqual(Object.keys(contract));
  });

  it('give each method its own IPC channel', () => {
    expect(new Set(methodNames.map(ipcChannel)).size).toBe(methodNames.length);
  });
});
