export * from './model.js';
export * from './notice.js';
export * from './status.js';
export * from './table.js';
export * from './read.js';
export { HELGELAND_ARKIVPLAN } from './helgeland2025.js';
