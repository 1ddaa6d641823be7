export * from './admin.js';
export * from './data-source.js';
export { API_KEY_SCOPES, AUDIT_WRITER_SCOPE, migrations, TEAM_ONLY_FOR_CADRE } from './migrations/index.js';
export * from './roles.js';
export * from './url.js';
export { upsertCatalogue } from './catalogue.js';
export * from './password.js';
export * from './progress/index.js';
// What demo mode shows at run time (the banner's accounts, the big screen's key); the seeder itself is
// '@hanjiang/db/seed'.
export {
  DEMO_ACCOUNTS,
  CADRE_TEAM_BY_TENANT,
  type DemoAccount,
  type DemoMembership,
} from './demo/demo-accounts.js';
export { demoDisplayKey, DEMO_DISPLAY_KEY_PREFIX } from './demo/display-key.js';
export * from './audit/verify-audit-chain.js';
export type { DataSource } from 'typeorm';
export * from './scope.js';
export * from './login-role.js';
