// The public API of `@switchboard/storage`: durable adapters for the core's Storage port. This
// entry is browser-safe (IndexedDB); the Node file adapter is `@switchboard/storage/file`.
export { createIndexedDbStorage, indexedDbStorageOptionsSchema } from './indexedDbStorage';
export type { IndexedDbStorage, IndexedDbStorageOptions } from './indexedDbStorage';
export { isStorageError, StorageError, storageErrorCodes } from './storageError';
export type { StorageErrorCode } from './storageError';
