export * from './report';
export * from './explanations';
