import { parseProblemRule } from '../parse-rule.js';

/** Arkivverdig, Bevaringsverdig and Personopplysninger are Ja/Nei (J/N and X = Ja are accepted). */
export const rule = parseProblemRule({
  id: 'register.ugyldig-ja-nei',
  kind: 'yesno',
  severity: 'error',
  description: 'Ja/Nei-kolonner (arkivverdig, bevaringsverdig, personopplysninger) må inneholde Ja eller Nei.',
  message: (p, header) => `${header}: ${p.reason}. Skriv Ja eller Nei (J/N og X for ja godtas).`,
  expected: () => 'Ja eller Nei',
});
