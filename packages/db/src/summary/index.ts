export * from './summarise.js';
export * from './fieldwork.js';
