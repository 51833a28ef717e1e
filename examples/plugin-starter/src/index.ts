// @switchboard/plugin-carrier-pigeon: the desk plugin, the centre-side loft and the outbound port.

export { carrierPigeon, carrierPigeonConfigSchema } from './carrierPigeon';
export type { CarrierPigeonApi, CarrierPigeonSnapshot } from './carrierPigeon';
export { createLoft } from './loft';
export type { Loft } from './loft';
export { createPigeonCoop, pigeonNoteSchema } from './pigeonPost';
export type { PigeonCoop, PigeonNote, PigeonPost } from './pigeonPost';
