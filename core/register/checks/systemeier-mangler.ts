import { requiredFieldRule } from '../required.js';

/** Seed 003 §5.9.3: «Alle fagsystemer som benyttes i den kommunale tjenesteproduksjonen må ha en systemeier.» */
export const rule = requiredFieldRule({
  id: 'register.systemeier-mangler',
  field: 'systemOwner',
  severity: 'error',
  what: 'hvem som er systemeier (leder med ansvar for systemet)',
  why: 'Alle fagsystemer må ha en systemeier.',
});
