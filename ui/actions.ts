// The panel's logic, host-agnostic and free of React and the DOM, so it runs (and is tested) in Node against a
// fake host. Each job lives beside its view (ui/<job>/actions.ts); this module is the one place hosts, the
// preview and tests import it from.
export * from './result.js';
export * from './dataset/actions.js';
export * from './fordeling/actions.js';
export * from './styremote/actions.js';
export * from './findings/actions.js';
export * from './register/actions.js';
export * from './gevinst/actions.js';
