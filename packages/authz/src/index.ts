export * from './principal.js';
export * from './actions.js';
export * from './scope.js';
export * from './can.js';
export * from './masking.js';
export * from './key-scopes.js';
