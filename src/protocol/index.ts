export * from './version';
export * from './errors';
export * from './health';
export * from './accounts';
export * from './auth';
export * from './sync';
export * from './deletions';
export * from './exportLog';
