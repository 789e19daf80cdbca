export * from './defaults';
export * from './schema';
export * from './storage';
export * from './explain';
