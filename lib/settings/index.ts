export * from './defaults';
export * from './schema';
export * from './storage';
