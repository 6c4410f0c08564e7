import { requiredFieldRule } from '../required.js';

/** The supplier is needed for contract follow-up and for the cross-kommune report. */
export const rule = requiredFieldRule({
  id: 'register.leverandor-mangler',
  field: 'supplier',
  severity: 'error',
  what: 'leverandøren (eller «Egenutviklet»)',
  why: 'Leverandør trengs for avtaleoppfølging og felles reforhandling av lisenser.',
});
