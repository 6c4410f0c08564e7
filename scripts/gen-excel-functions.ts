// Excel custom functions, derived from the one function catalog (SPEC §2, STYLE §4 rule 4).
//
// 1. Renders addin-excel/src/functions/functions.generated.ts: one exported function per CATALOG entry
//    with `@customfunction` JSDoc in Norwegian, whose body calls the shared adapter `invoke(...)`.
// 2. Runs custom-functions-metadata on that file to produce functions.json. The tool exits quietly and
//    writes nothing on a validation error (TOOLCHAIN), so the result is checked here against CATALOG and
//    the build fails when functions.json is missing, stale or incomplete. functions.json is never hand-written.
// 3. Renders the function table for addin-excel/README.md from the catalog examples.
//
// CLI: `npx tsx scripts/gen-excel-functions.ts` (generate into dist/excel), `--readme` (print the table),
// `--write-readme` (update the block in addin-excel/README.md), `--check` (fail when anything is stale).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { CATALOG, EXCEL_NAMESPACE, excelFormulaName, excelId, type CatalogEntry, type ParamSpec } from '../core/index.js';
import { docText } from './jsdoc.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const GENERATED_FILE = resolve(ROOT, 'addin-excel/src/functions/functions.generated.ts');
export const README_FILE = resolve(ROOT, 'addin-excel/README.md');
export const README_BEGIN = '<!-- excel-funksjoner:start (generert fra core/catalog av scripts/gen-excel-functions.ts, ikke rediger for hånd) -->';
export const README_END = '<!-- excel-funksjoner:slutt -->';

/** ASCII-safe code identifier for a Norwegian parameter name: år → aar, beløp → belop, kontantstrøm → kontantstrom. */
export function asciiIdentifier(name: string): string {
  const replaced = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_]/g, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}

/**
 * The parameter name Excel shows in IntelliSense: the catalog's own Norwegian word (år, beløp, nøkkel,
 * kontantstrøm, register_område). Microsoft's metadata schema limits a parameter name only by length
 * (1–64 characters, "displayed in Excel's IntelliSense": learn.microsoft.com, "Manually create JSON
 * metadata for custom functions" → parameters; extensionFunctionParameter schema), and custom-functions-metadata
 * takes it from the TypeScript identifier, where Unicode letters are valid. Anything else becomes "_".
 */
export function parameterIdentifier(name: string): string {
  const replaced = name.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}_]/gu, '_');
  return /^\p{L}|^_/u.test(replaced) ? replaced : `_${replaced}`;
}

/** The code name of the generated function: KOSTNAD → kostnad. */
export function functionIdentifier(entry: CatalogEntry): string {
  return asciiIdentifier(entry.name);
}


/**
 * Excel-side types. Scalars are `any` so the catalog's own coercion sees the raw cell (nb-NO text such as
 * "1 234,56" or "2026" must reach the runner and give a Norwegian message, not Excel's bare #VALUE!).
 * Ranges are `any[][]`.
 */
function paramType(spec: ParamSpec): string {
  return spec.type === 'range' ? 'any[][]' : 'any';
}

function returnType(entry: CatalogEntry): string {
  switch (entry.returns.kind) {
    case 'number':
      return 'number';
    case 'text':
      return 'string';
    case 'matrix':
      return 'any[][]';
  }
}

function renderFunction(entry: CatalogEntry): string {
  const id = excelId(entry);
  const fn = functionIdentifier(entry);
  const params = entry.params.map((p) => ({ spec: p, ident: parameterIdentifier(p.name) }));
  const doc = [
    '/**',
    ` * ${docText(entry.description)}`,
    ` * @customfunction ${id} ${id}`,
    ...params.map(({ spec, ident }) => {
      const label = spec.name === ident ? '' : `(${spec.name}) `;
      return ` * @param {${paramType(spec)}} ${spec.optional ? `[${ident}]` : ident} ${docText(label + spec.description)}`;
    }),
    ` * @returns {${returnType(entry)}} ${docText(entry.returns.description)}`,
    ' */',
  ];
  const signature = params.map(({ spec, ident }) => `${ident}${spec.optional ? '?' : ''}: ${paramType(spec)}`).join(', ');
  const args = params.map(({ ident }) => ident).join(', ');
  return [
    ...doc,
    `export function ${fn}(${signature}): ${returnType(entry)} {`,
    `  return invoke('${id}', [${args}]) as ${returnType(entry)};`,
    '}',
  ].join('\n');
}

/** The full text of functions.generated.ts for a catalog. */
export function renderFunctionsSource(catalog: readonly CatalogEntry[] = CATALOG): string {
  const header = [
    '// GENERERT av scripts/gen-excel-functions.ts fra core/catalog — ikke rediger for hånd.',
    '// Kjør `npm run build` (eller `npx tsx scripts/gen-excel-functions.ts`) etter endringer i katalogen.',
    `// Navnerommet ${EXCEL_NAMESPACE} står i manifest/manifest.xml; id-ene her er katalognavnene.`,
    "import { invoke } from './adapter.js';",
    '',
  ];
  const map = [
    '/** Id → function, in catalog order (functions.ts associates each with CustomFunctions). */',
    'export const GENERATED_FUNCTIONS: Readonly<Record<string, (...args: any[]) => unknown>> = {',
    ...catalog.map((e) => `  ${excelId(e)}: ${functionIdentifier(e)},`),
    '};',
    '',
  ];
  return [...header, catalog.map(renderFunction).join('\n\n'), '', ...map].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// functions.json

export interface MetadataParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParam[];
  result?: { type?: string; dimensionality?: string };
}

export interface Metadata {
  /** Parameters of type any receive cell errors instead of Excel skipping the call (set by the build). */
  allowErrorForDataTypeAny?: boolean;
  /** Parameters of type any receive data types (entity values) instead of their basic value. */
  allowCustomDataForDataTypeAny?: boolean;
  functions: MetadataFunction[];
}

/**
 * Flags the build adds to functions.json. Without allowErrorForDataTypeAny Excel never calls a function
 * whose argument holds an error (a #N/A in a register range gives #N/A, not findings), and
 * custom-functions-metadata cannot set it: "The allowErrorForDataTypeAny property can only be used with
 * manually created JSON metadata" (learn.microsoft.com, "Handle and return errors from your custom
 * function" → Errors as custom function inputs; "Manually create JSON metadata for custom functions").
 */
export const METADATA_FLAGS = { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true } as const;

/** Everything that makes functions.json disagree with the catalog; empty when it is up to date. */
export function metadataProblems(metadata: unknown, catalog: readonly CatalogEntry[] = CATALOG): string[] {
  const problems: string[] = [];
  const functions = (metadata as Metadata | undefined)?.functions;
  if (!Array.isArray(functions)) return ['functions.json har ingen «functions»-liste'];
  for (const [flag, value] of Object.entries(METADATA_FLAGS)) {
    if ((metadata as Record<string, unknown>)[flag] !== value) problems.push(`functions.json mangler «${flag}: ${value}»`);
  }
  const byId = new Map(functions.map((f) => [f.id, f]));
  for (const entry of catalog) {
    const id = excelId(entry).toUpperCase();
    const f = byId.get(id);
    if (!f) {
      problems.push(`${id} mangler i functions.json`);
      continue;
    }
    if (f.name !== id) problems.push(`${id}: navnet er «${f.name}»`);
    if (!f.description || f.description !== docText(entry.description)) problems.push(`${id}: beskrivelsen stemmer ikke med katalogen`);
    const expected = entry.params.map((p) => ({ name: parameterIdentifier(p.name), optional: !!p.optional, matrix: p.type === 'range' }));
    const actual = (f.parameters ?? []).map((p) => ({ name: p.name, optional: !!p.optional, matrix: p.dimensionality === 'matrix' }));
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      problems.push(`${id}: parametrene ${JSON.stringify(actual)} skulle vært ${JSON.stringify(expected)}`);
    }
    for (const p of f.parameters ?? []) {
      // Excel's metadata schema: parameter names ≤ 64 and descriptions ≤ 128 characters (IntelliSense).
      if (p.name.length > 64 || (p.description ?? '').length > 128) problems.push(`${id}: parameteren ${p.name} har for langt navn eller beskrivelse`);
    }
    const wantMatrix = entry.returns.kind === 'matrix';
    if ((f.result?.dimensionality === 'matrix') !== wantMatrix) problems.push(`${id}: resultatet skulle vært ${wantMatrix ? 'en matrise' : 'en enkeltverdi'}`);
  }
  const known = new Set(catalog.map((e) => excelId(e).toUpperCase()));
  for (const f of functions) if (!known.has(f.id)) problems.push(`${f.id} står i functions.json, men ikke i katalogen`);
  return problems;
}

/** Writes a file only when its content changes (keeps timestamps stable for watchers). */
function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}

export interface GenerateResult {
  readonly sourceFile: string;
  readonly metadataFile: string;
  readonly metadata: Metadata;
  /** custom-functions-metadata's own association list (id → JavaScript function name). */
  readonly associate: readonly { id: string; functionName: string }[];
}

/**
 * Generates functions.generated.ts and `<outDir>/functions.json`, and throws (in Norwegian) when the
 * metadata tool reports errors or its output does not list every catalog entry exactly.
 */
export async function generateExcelFunctions(outDir: string, catalog: readonly CatalogEntry[] = CATALOG, sourceFile: string = GENERATED_FILE): Promise<GenerateResult> {
  writeIfChanged(sourceFile, renderFunctionsSource(catalog));
  const metadataFile = resolve(outDir, 'functions.json');
  // A previous functions.json must never survive a failed run: the tool would leave it in place.
  mkdirSync(outDir, { recursive: true });
  rmSync(metadataFile, { force: true });
  const require = createRequire(import.meta.url);
  const cfm = require('custom-functions-metadata') as {
    generateCustomFunctionsMetadata(input: string, wantConsoleOutput?: boolean): Promise<{ metadataJson: string; associate: { id: string; functionName: string }[]; errors: string[] }>;
  };
  const result = await cfm.generateCustomFunctionsMetadata(sourceFile, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata fant feil i ${sourceFile}:\n  ${result.errors.join('\n  ')}`);
  }
  if (!result.metadataJson) throw new Error('custom-functions-metadata laget ingen functions.json (ingen @customfunction funnet).');
  const metadata = { ...METADATA_FLAGS, ...(JSON.parse(result.metadataJson) as Metadata), ...METADATA_FLAGS } as Metadata;
  const problems = metadataProblems(metadata, catalog);
  if (problems.length) throw new Error(`functions.json stemmer ikke med katalogen:\n  ${problems.join('\n  ')}`);
  writeFileSync(metadataFile, JSON.stringify(metadata, null, 4) + '\n');
  return { sourceFile, metadataFile, metadata, associate: result.associate };
}

// ---------------------------------------------------------------------------------------------------
// README

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The README's function table: one row per catalog entry, with its examples. */
export function readmeFunctionTable(catalog: readonly CatalogEntry[] = CATALOG): string {
  const lines = ['| Funksjon | Hva den gir | Eksempel | Resultat |', '|---|---|---|---|'];
  for (const entry of catalog) {
    const signature = `${excelFormulaName(entry)}(${entry.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`;
    const examples = entry.examples.length ? entry.examples : [{ formula: '', result: '' }];
    examples.forEach((example, i) => {
      lines.push(
        `| ${i === 0 ? `\`${escapeCell(signature)}\`` : ''} | ${i === 0 ? escapeCell(entry.description) : ''} | ${example.formula ? `\`${escapeCell(example.formula)}\`` : ''} | ${escapeCell(example.result)} |`,
      );
    });
  }
  return lines.join('\n');
}

export function readmeBlock(catalog: readonly CatalogEntry[] = CATALOG): string {
  return [README_BEGIN, readmeFunctionTable(catalog), README_END].join('\n');
}

/** The README text with its generated block replaced (throws when the markers are missing). */
export function readmeWithFunctions(readme: string, catalog: readonly CatalogEntry[] = CATALOG): string {
  const start = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('addin-excel/README.md mangler markørene for funksjonstabellen');
  return readme.slice(0, start) + readmeBlock(catalog) + readme.slice(end + README_END.length);
}

/** Updates addin-excel/README.md's function table; returns true when it changed. */
export function writeReadme(catalog: readonly CatalogEntry[] = CATALOG): boolean {
  if (!existsSync(README_FILE)) return false;
  return writeIfChanged(README_FILE, readmeWithFunctions(readFileSync(README_FILE, 'utf8'), catalog));
}

// ---------------------------------------------------------------------------------------------------

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--readme')) {
    console.log(readmeFunctionTable());
    return;
  }
  if (argv.includes('--write-readme')) {
    console.log(writeReadme() ? 'addin-excel/README.md: funksjonstabellen er oppdatert' : 'addin-excel/README.md er allerede oppdatert');
    return;
  }
  if (argv.includes('--check')) {
    const problems: string[] = [];
    if (!existsSync(GENERATED_FILE) || readFileSync(GENERATED_FILE, 'utf8') !== renderFunctionsSource()) problems.push('functions.generated.ts er utdatert');
    const json = resolve(ROOT, 'dist/excel/functions.json');
    if (!existsSync(json)) problems.push('dist/excel/functions.json mangler');
    else problems.push(...metadataProblems(JSON.parse(readFileSync(json, 'utf8') || '{}')));
    if (existsSync(README_FILE) && readFileSync(README_FILE, 'utf8') !== readmeWithFunctions(readFileSync(README_FILE, 'utf8'))) problems.push('addin-excel/README.md: funksjonstabellen er utdatert');
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exit(1);
    }
    console.log('Excel-funksjonene er oppdatert.');
    return;
  }
  const result = await generateExcelFunctions(resolve(ROOT, 'dist/excel'));
  console.log(`${result.metadata.functions.length} funksjoner → ${result.metadataFile}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
