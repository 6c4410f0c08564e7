export const USAGE_KOSTNAD = `dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json]
  Kommunens bidrag for året etter fordelingsnøkkelen, eller kommunens andel av et prosjekt.
  <kommune> er navn eller kommunenummer (Rana, 1833, "Herøy (Nordland)").
  --prosjekt P   andelen av prosjektet P (f.eks. RPA eller DUO) i stedet for medlemsbidraget
  --fil F        bruk arbeidsbokens egne tabeller (DH_Kommuner, DH_Nokkel, DH_Prosjekter)
  --json         skriv {"kommune","kommunenr","aar","kr"}
  Eksempel: dh kostnad Rana 2026   →   752 197,48 kr
`;

export const USAGE_FORDELING = `dh fordeling <år> [--fil arbeidsbok.xlsx] [--json] [scenario]
  Hele fordelingstabellen: kommunenummer, innbyggere, fast del, fordelt etter innbyggertall og totalt,
  med Sum og Kontroll (alltid 0,00 kr: delene summerer nøyaktig).
  --json skriver {"aar","rader":[{"kommune","kommunenr","innbyggere","kr"}],"sum","kontroll"}
  «Hva om» (scenario; tabellen viser i dag, scenario og differanse = scenario − i dag):
  --uten K[,K…]     kommuner som melder seg ut (betaler 0)
  --med K=N         en ny kommune med N innbyggere (kan gis flere ganger)
  --fast BELØP      nytt fast beløp pr kommune      --sats KR   ny sats pr innbygger
  --andel-likt P    sum å fordele med P % likt og resten etter innbyggertall
  --samme-sum       samme sum som i dag: fast beløp og sats skaleres med én felles faktor
                    (standard er samme nøkkel: summen følger medlemmene)
  --json legger til "scenario" og "i_dag"/"differanse" pr rad.
  Eksempel: dh fordeling 2026 --uten Rana --samme-sum
`;

export const USAGE_KONTROLL = `dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json]
  Finner fordelings-, RPA-, DUO- og budsjettabeller og systemregistre i alle arkene, regner alle tall
  på nytt og lister avvik og funn: «Ark!Celle  [feil] melding (forventet X, faktisk Y)».
  --dato    datoen kontrollen regner som «i dag» (frister i avtaler); standard er dagens dato
  --json    skriv funnene som en liste med {"rule","severity","sheet","cell","row","column","message","expected","actual"}
  Utgangskode 1 når kontrollen finner feil.
`;

export const USAGE_OPPDATER = `dh oppdater <fil.xlsx> [-o ut.xlsx] [--år ÅÅÅÅ]
  Oppdaterer tabellene tillegget eier (DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO,
  DH_Arkivplanstatus, DH_Balanse) fra
  arbeidsbokens egne tabeller og fører endringene i DH_Endringer. Andre ark røres ikke.
  Gjelder arbeidsboken et annet samarbeid (andre kommuner i DH_Kommuner) uten DH_Prosjekter,
  hoppes prosjekttabellene over.
  Har den noe dh ikke kan skrive tilbake (diagrammer, pivottabeller, makroer …), skrives
  ingenting, og utgangskoden er 2.
  -o F      skriv resultatet til F i stedet for å oppdatere filen
  --år Å    året fordelingen gjelder (standard: året til en eksisterende DH_Fordeling-tabell, ellers siste år med nøkkel)
`;

export const USAGE_INNBYGGERE = `dh innbyggere [--kvartal 2025K2 | --aar 2026] [--kommuner 1833,1824,…] [--svar svar.json] [--fil bok.xlsx -o ut.xlsx] [--json]
  Innbyggertall fra SSB (PxWebApi v2): et kvartal gir befolkningen ved utgangen av kvartalet (tabell 01222,
  f.eks. 2025K2 → per 30.06.2025), et år gir befolkningen per 1. januar (tabell 07459).
  --kommuner K   kommunene (nummer eller navn); standard er datasettets (eller arbeidsbokens) medlemmer
  --svar F       les et lagret SSB-svar (json-stat2) i stedet for å hente fra nettet
  --fil F -o U   skriv tallene inn i DH_Kommuner (kommunenummer er nøkkelen, Referansedato fylles) i kopien U,
                 med én linje i DH_Endringer per endret tall
  --json         skriv {"tabell","periode","referansedato","rader":[{"kommunenr","kommune","innbyggere"}]}
  Uten nett, ved tidsavbrudd, feil fra SSB eller en kommune SSB ikke har tall for: én linje, utgangskode 2,
  ingenting skrevet. Adressen til SSB er innstillingen DH_SSB_URL (standard https://data.ssb.no/api/pxwebapi/v2),
  tidsgrensen DH_SSB_TIMEOUT_MS (standard 20000).
`;

export const USAGE = `dh – DH-tillegget på kommandolinjen (kostnadsfordeling, kontroll og systemregister)

Bruk:
  dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json]
  dh fordeling <år> [--fil arbeidsbok.xlsx] [--json] [--uten K] [--med K=N] [--fast B] [--sats S] [--andel-likt P] [--samme-sum]
  dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json]
  dh oppdater <fil.xlsx> [-o ut.xlsx] [--år ÅÅÅÅ]
  dh innbyggere [--kvartal 2025K2 | --aar 2026] [--kommuner …] [--svar svar.json] [--fil bok.xlsx -o ut.xlsx] [--json]
  dh <kommando> --help      mer om én kommando

Uten --fil brukes standarddatasettet Digitale Helgeland 2026 (styremøtet 16.10.2025).
Utgangskoder: 0 = ingen feil, 1 = kontrollen fant feil, 2 = ubrukelig inndata (fil, argumenter, kommune).

Eksempler:
  dh kostnad Rana 2026                  752 197,48 kr
  dh fordeling 2026 --json
  dh kontroll styresak.xlsx --dato 2026-01-15
  dh oppdater arbeidsbok.xlsx -o oppdatert.xlsx
  dh innbyggere --kvartal 2025K2 --fil arbeidsbok.xlsx -o ny.xlsx
`;
