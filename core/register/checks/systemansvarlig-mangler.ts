import { requiredFieldRule } from '../required.js';

/** Seed 003 §5.9.3: systemeier may delegate the day-to-day work to a systemansvarlig; a warning, not an error. */
export const rule = requiredFieldRule({
  id: 'register.systemansvarlig-mangler',
  field: 'systemManager',
  severity: 'warning',
  what: 'hvem som er systemansvarlig (forvalter systemet i det daglige)',
  why: 'Systemeier kan delegere systemforvaltningen til en systemansvarlig.',
});
