// Every register rule, in the order findings for one row are reported. Adding a rule: create checks/<id>.ts
// exporting `rule` (id "register.<id>") and list it here; add tests/core/register/<id>.test.ts.
import type { RegisterRule } from '../rule.js';
import { rule as feilverdi } from './feilverdi.js';
import { rule as formelTekst } from './formel-tekst.js';
import { rule as systemMangler } from './system-mangler.js';
import { rule as kommuneMangler } from './kommune-mangler.js';
import { rule as kommuneUkjent } from './kommune-ukjent.js';
import { rule as kommuneTvetydig } from './kommune-tvetydig.js';
import { rule as kommuneAvvik } from './kommune-avvik.js';
import { rule as kommuneIkkeMedlem } from './kommune-ikke-medlem.js';
import { rule as leverandorMangler } from './leverandor-mangler.js';
import { rule as systemeierMangler } from './systemeier-mangler.js';
import { rule as systemansvarligMangler } from './systemansvarlig-mangler.js';
import { rule as systemDuplikat } from './system-duplikat.js';
import { rule as ugyldigTall } from './ugyldig-tall.js';
import { rule as omtrentligTall } from './omtrentlig-tall.js';
import { rule as ugyldigDato } from './ugyldig-dato.js';
import { rule as omtrentligDato } from './omtrentlig-dato.js';
import { rule as ugyldigJaNei } from './ugyldig-ja-nei.js';
import { rule as avtaleUtlopt } from './avtale-utlopt.js';
import { rule as oppsigelsesfrist } from './oppsigelsesfrist.js';
import { rule as arkivverdigUtenUttrekk } from './arkivverdig-uten-uttrekk.js';
import { rule as kritiskIntegrasjonMangler } from './kritisk-integrasjon-mangler.js';
import { rule as kostnadUtfaset } from './kostnad-utfaset.js';
import { rule as leverandorVarianter } from './leverandor-varianter.js';

export const REGISTER_RULES: readonly RegisterRule[] = [
  feilverdi,
  formelTekst,
  systemMangler,
  kommuneMangler,
  kommuneUkjent,
  kommuneTvetydig,
  kommuneAvvik,
  kommuneIkkeMedlem,
  leverandorMangler,
  systemeierMangler,
  systemansvarligMangler,
  systemDuplikat,
  ugyldigTall,
  omtrentligTall,
  ugyldigDato,
  omtrentligDato,
  ugyldigJaNei,
  avtaleUtlopt,
  oppsigelsesfrist,
  arkivverdigUtenUttrekk,
  kritiskIntegrasjonMangler,
  kostnadUtfaset,
  leverandorVarianter,
];

export { ID as HEADER_MISSING_RULE } from './overskrift-mangler.js';
export { ID as TODAY_INVALID_RULE } from './dato-ugyldig.js';
export { ID as INTERNAL_ERROR_RULE } from './intern-feil.js';
