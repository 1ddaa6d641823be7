export * from './admin.js';
export * from './data-source.js';
export { migrations } from './migrations/index.js';
export * from './roles.js';
export * from './url.js';
export { upsertCatalogue } from './seed/catalogue.js';
export * from './password.js';
export * from './seed/index.js';
