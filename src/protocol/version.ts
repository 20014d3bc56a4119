/**
 * The wire contract's version. The app sends it with every request (header `x-protocol-version`);
 * a server that cannot serve it answers 426 with code `protocol_outdated` and the app asks the user
 * to update. Bump it only for changes an older app cannot understand.
 */
// 2: pulled records carry their field clocks compactly (domain/recordClocks.ts).
export const PROTOCOL_VERSION = 2;
export const MIN_SUPPORTED_PROTOCOL_VERSION = 2;
export const PROTOCOL_HEADER = 'x-protocol-version';
