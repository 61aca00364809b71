export * from './normalize';
export * from './numerals';
export * from './money';
export * from './uppercase';
