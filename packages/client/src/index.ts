export * from './client.js';
export * from './session.js';
export * from './attempt-keys.js';
export * from './auth/token-keeper.js';
export * from './live/backoff.js';
export * from './live/live-stream.js';
export * from './live/milestone-resume.js';
export * from './live/milestone-feed.js';
export * from './live/transport.js';
// The typed documents (`ScreenBootDocument`, …) and their result and variable types, generated from the
// operations written in src/operations with `graphql(...)`.
export * from './generated/graphql.js';
export type { OperationResult } from '@urql/core';
