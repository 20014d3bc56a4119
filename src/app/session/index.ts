export { useSession } from './useSession';
export type { Session } from './types';
export { SESSION, SESSION_KEY } from './types';
