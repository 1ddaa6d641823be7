export * from './i18n.js';
export * from './download.js';
export * from './ErrorBanner.js';
export * from './LanguageToggle.js';
export * from './MaskedField.js';
// Login and PortalFrame are not exported: PortalApp loads them lazily, and a static export would pull them (and
// antd's forms) into every portal's first chunk.
export * from './PortalApp.js';
export type * from './portal-types.js';
export * from './ProgressBar.js';
export * from './session-store.js';
export * from './StageTag.js';
export * from './TenantSwitcher.js';
export * from './keys/keys-logic.js';
export * from './keys/keys-text.js';
