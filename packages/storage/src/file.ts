// `@switchboard/storage/file`: the Node adapter, a JSON-lines file. Node only (`node:fs`).
export { createFileStorage, fileStorageOptionsSchema } from './fileStorage';
export type { FileStorage, FileStorageOptions } from './fileStorage';
export { isStorageError, StorageError, storageErrorCodes } from './storageError';
export type { StorageErrorCode } from './storageError';
