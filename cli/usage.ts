export const USAGE_KOSTNAD = `dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json]
  Kommunens bidrag for året etter fordelingsnøkkelen, eller kommunens andel av et prosjekt.
  <kommune> er navn eller kommunenummer (Rana, 1833, "Herøy (Nordland)").
  --prosjekt P   andelen av prosjektet P (f.eks. RPA eller DUO) i stedet for medlemsbidraget
  --fil F        bruk arbeidsbokens egne tabeller (DH_Kommuner, DH_Nokkel, DH_Prosjekter)
  --json         skriv {"kommune","kommunenr","aar","kr"}
  Eksempel: dh kostnad Rana 2026   →   752 197,48 kr
`;

export const USAGE_FORDELING = `dh fordeling <år> [--fil arbeidsbok.xlsx] [--json]
  Hele fordelingstabellen: kommunenummer, innbyggere, fast del, fordelt etter innbyggertall og totalt,
  med Sum og Kontroll (alltid 0,00 kr: delene summerer nøyaktig).
  --json skriver {"aar","rader":[{"kommune","kommunenr","innbyggere","kr"}],"sum","kontroll"}
`;

export const USAGE_KONTROLL = `dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json]
  Finner fordelings-, RPA-, DUO- og budsjettabeller og systemregistre i alle arkene, regner alle tall
  på nytt og lister avvik og funn: «Ark!Celle  [feil] melding (forventet X, faktisk Y)».
  --dato    datoen kontrollen regner som «i dag» (frister i avtaler); standard er dagens dato
  --json    skriv funnene som en liste med {"rule","severity","sheet","cell","row","column","message","expected","actual"}
  Utgangskode 1 når kontrollen finner feil.
`;

export const USAGE_OPPDATER = `dh oppdater <fil.xlsx> [-o ut.xlsx] [--år ÅÅÅÅ]
  Oppdaterer tabellene tillegget eier (DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO) fra
  arbeidsbokens egne tabeller og fører endringene i DH_Endringer. Andre ark røres ikke.
  Gjelder arbeidsboken et annet samarbeid (andre kommuner i DH_Kommuner) uten DH_Prosjekter,
  hoppes prosjekttabellene over.
  Har den noe dh ikke kan skrive tilbake (diagrammer, pivottabeller, makroer …), skrives
  ingenting, og utgangskoden er 2.
  -o F      skriv resultatet til F i stedet for å oppdatere filen
  --år Å    året fordelingen gjelder (standard: året til en eksisterende DH_Fordeling-tabell, ellers siste år med nøkkel)
`;

export const USAGE = `dh – DH-tillegget på kommandolinjen (kostnadsfordeling, kontroll og systemregister)

Bruk:
  dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json]
  dh fordeling <år> [--fil arbeidsbok.xlsx] [--json]
  dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json]
  dh oppdater <fil.xlsx> [-o ut.xlsx] [--år ÅÅÅÅ]
  dh <kommando> --help      mer om én kommando

Uten --fil brukes standarddatasettet Digitale Helgeland 2026 (styremøtet 16.10.2025).
Utgangskoder: 0 = ingen feil, 1 = kontrollen fant feil, 2 = ubrukelig inndata (fil, argumenter, kommune).

Eksempler:
  dh kostnad Rana 2026                  752 197,48 kr
  dh fordeling 2026 --json
  dh kontroll styresak.xlsx --dato 2026-01-15
  dh oppdater arbeidsbok.xlsx -o oppdatert.xlsx
`;
