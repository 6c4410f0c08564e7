import { requiredFieldRule } from '../required.js';

/** Every row must name its system. */
export const rule = requiredFieldRule({
  id: 'register.system-mangler',
  field: 'system',
  severity: 'error',
  what: 'navnet på systemet',
  why: 'Uten systemnavn kan raden ikke kontrolleres eller sammenlignes med andre kommuner.',
});
