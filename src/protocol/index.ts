export * from './version';
export * from './errors';
export * from './health';
