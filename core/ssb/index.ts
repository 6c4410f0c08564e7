export * from './cube.js';
export * from './measure.js';
export * from './breakdown.js';
export * from './population.js';
export * from './request.js';
