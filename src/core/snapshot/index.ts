export * from './types';
export * from './a1';
export * from './grid';
