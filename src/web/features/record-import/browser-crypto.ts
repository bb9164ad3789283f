/**
 * What fhirclient asks `isomorphic-webcrypto` for, where the browser has Web Crypto itself (every
 * browser the app supports): the alias in vite.config.ts points the package here, so its 23 kB
 * shim and React Native fallbacks stay out of the record import's chunk.
 */
export default globalThis.crypto;
