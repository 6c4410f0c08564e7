import { isMostlyMembers, type DatasetContext } from '../dataset/context.js';
import { KommuneRegistry, type Kommune } from '../kommuner/registry.js';
import { cellText } from '../util/cells.js';
import { RULES, type FindingSink } from './findings.js';
import type { LocatedTable } from './locate.js';

export interface RowKommune {
  /** Set when the row's kommune is known. */
  readonly kommune?: Kommune;
  /** Name to show in messages: the official name, or the label as printed. */
  readonly name: string;
  /** True when the kommune is a member of the active dataset (always false without one). */
  readonly member: boolean;
}

let defaultRegistry: KommuneRegistry | undefined;
function builtInRegistry(): KommuneRegistry {
  defaultRegistry ??= new KommuneRegistry();
  return defaultRegistry;
}

export function registryFor(data?: DatasetContext, registry?: KommuneRegistry): KommuneRegistry {
  return registry ?? data?.registry ?? builtInRegistry();
}

/** Number and name printed in one cell: «1504 Ålesund», «1504 - Ålesund», «Ålesund (1504)», «Ålesund, 1504». */
export interface KommuneLabel {
  readonly kommunenr: string;
  readonly name: string;
}

export function splitKommuneLabel(text: string): KommuneLabel | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(\d{3,4}) ?[-–—:.]? ?([^\d\s].*)$/.exec(t) ?? /^([^\d\s].*?) ?(?:[([] ?(\d{3,4}) ?[)\]]|[-–—,:] ?(\d{3,4}))$/.exec(t);
  if (!m) return undefined;
  const numberFirst = /^\d/.test(m[1]!);
  const nr = numberFirst ? m[1]! : (m[2] ?? m[3])!;
  const name = (numberFirst ? m[2]! : m[1]!).trim();
  if (!/[a-zæøåáčđŋšŧž]/i.test(name)) return undefined;
  return { kommunenr: nr.padStart(4, '0'), name };
}

/** The number and name a row prints: from a Kommunenr column and the kommune column, or both from one cell. */
function rowLabel(table: LocatedTable, r: number, nrColumn: number | undefined): { nrText: string; label: string } {
  const row = table.cells[r] ?? [];
  const printed = cellText(row[table.kommuneColumn]);
  const nrText = nrColumn !== undefined ? cellText(row[nrColumn]) : '';
  if (nrText) return { nrText, label: printed };
  const split = splitKommuneLabel(printed);
  return split ? { nrText: split.kommunenr, label: split.name } : { nrText: '', label: printed };
}

/**
 * True when a label could be a kommune: a name or number the registry knows (or a name it knows more than once), a
 * number that was a kommune's, or number and name in one cell. Misspellings do not count: this decides whether a
 * sheet holds a kommune table at all.
 */
export function looksLikeKommune(text: string, registry: KommuneRegistry): boolean {
  const t = text.trim();
  if (!t) return false;
  const split = splitKommuneLabel(t);
  if (split) return looksLikeKommune(split.kommunenr, registry) || looksLikeKommune(split.name, registry);
  if (/^\d{3,4}$/.test(t)) {
    const nr = t.padStart(4, '0');
    return registry.resolve(nr).ok || registry.former(nr) !== undefined;
  }
  if (/\d/.test(t) || t.length < 2) return false;
  // A kommune, or an ambiguous name (Herøy); hasName spares a miss the suggestion resolve would work out.
  return registry.hasName(t) || registry.former(t) !== undefined;
}

/** The kommune a row names without help from any scope: by its number, else by an unambiguous name. */
function plainKommune(table: LocatedTable, r: number, registry: KommuneRegistry, nrColumn: number | undefined): Kommune | undefined {
  const { nrText, label } = rowLabel(table, r, nrColumn);
  const found = nrText ? registry.resolve(/^\d+$/.test(nrText) ? nrText.padStart(4, '0') : nrText) : registry.resolve(label);
  return found.ok ? found.value : undefined;
}

function numberColumn(table: LocatedTable): number | undefined {
  return table.columns.kommunenr !== undefined && table.columns.kommunenr !== table.kommuneColumn ? table.columns.kommunenr : undefined;
}

/**
 * True when a table is the active dataset's own: nearly all the kommuner it names without ambiguity are
 * members. Another cooperation's table (Vesterålen, Sunnmøre, or a network that shares a few members with
 * this one) is then checked against the key it carries itself, not against this dataset's key, members or
 * project decisions.
 */
export function isDatasetTable(table: LocatedTable, data: DatasetContext, registry?: KommuneRegistry): boolean {
  const reg = registryFor(data, registry);
  const nrColumn = numberColumn(table);
  let known = 0;
  let members = 0;
  for (const r of table.dataRows) {
    const kommune = plainKommune(table, r, reg, nrColumn);
    if (kommune) {
      known++;
      if (data.memberNumbers.has(kommune.kommunenr)) members++;
    } else {
      // An ambiguous name (Herøy) counts as a member when one of the dataset's members carries it.
      const { label } = rowLabel(table, r, nrColumn);
      const within = label ? reg.resolve(label, data.memberNumbers) : undefined;
      if (within?.ok) {
        known++;
        members++;
      }
    }
  }
  return isMostlyMembers(members, known);
}

/**
 * Where an ambiguous name (Herøy) is looked for: among the dataset's members when the table is the dataset's,
 * else among the kommuner of the fylke most of the table's other rows belong to.
 */
function ambiguityScope(table: LocatedTable, registry: KommuneRegistry, data: DatasetContext | undefined): ReadonlySet<string> | undefined {
  if (data) return data.memberNumbers;
  const nrColumn = numberColumn(table);
  const named = table.dataRows.map((r) => plainKommune(table, r, registry, nrColumn)).filter((k): k is Kommune => k !== undefined);
  return registry.fylkeScope(named);
}

/**
 * Resolves the kommune of every data row: by number when the table has a Kommunenr column, else by name.
 * An ambiguous name (Herøy) resolves among the dataset's members, or without a dataset among the
 * kommuner of the fylke the rest of the table belongs to; otherwise the finding asks for the number.
 * Reports unknown, ambiguous, mismatched, non-member and duplicate kommuner. Pass `data` only for a table that
 * is the dataset's own (isDatasetTable); `registry` is the registry to use without one.
 */
export function resolveRows(table: LocatedTable, sink: FindingSink, data?: DatasetContext, givenRegistry?: KommuneRegistry): Map<number, RowKommune> {
  const registry = registryFor(data, givenRegistry);
  const scope = ambiguityScope(table, registry, data);
  const result = new Map<number, RowKommune>();
  const seen = new Map<string, number>();
  const mismatched = new Set<number>();
  const nrColumn = numberColumn(table);
  for (const r of table.dataRows) {
    const { nrText, label } = rowLabel(table, r, nrColumn);
    const nrAt = nrColumn ?? table.kommuneColumn;
    let kommune: Kommune | undefined;
    if (nrText) {
      const byNr = registry.resolve(/^\d+$/.test(nrText) ? nrText.padStart(4, '0') : nrText, scope);
      if (!byNr.ok) {
        sink.add(r, nrAt, RULES.kommune, 'error', `${byNr.error.message}${label ? ` (raden for «${label}»)` : ''}`, undefined, nrText);
      } else {
        kommune = byNr.value;
        if (label) {
          const byName = registry.resolve(label, new Set([kommune.kommunenr]));
          if (byName.ok && byName.value.kommunenr !== kommune.kommunenr) {
            mismatched.add(r);
            sink.add(
              r,
              table.kommuneColumn,
              RULES.kommune,
              'error',
              `Kommunenavnet «${label}» hører til ${byName.value.kommunenr}, men raden har kommunenummer ${kommune.kommunenr} (${kommune.name}). Rett navnet eller nummeret.`,
              kommune.name,
              label,
            );
          } else if (!byName.ok && !/tvetydig/.test(byName.error.message)) {
            sink.add(r, table.kommuneColumn, RULES.kommune, 'warning', `Kommunenavnet «${label}» er ukjent; raden er lest som ${kommune.name} (${kommune.kommunenr}) etter kommunenummeret.`, kommune.name, label);
          }
        }
      }
    } else if (!label) {
      sink.add(r, table.kommuneColumn, RULES.kommune, 'error', 'Raden har tall, men ingen kommune. Fyll inn kommunenavn eller kommunenummer.');
    } else {
      const byName = registry.resolve(label, scope);
      if (byName.ok) kommune = byName.value;
      else sink.add(r, table.kommuneColumn, RULES.kommune, 'error', byName.error.message, undefined, label);
    }
    let member = false;
    if (kommune) {
      member = data?.memberNumbers.has(kommune.kommunenr) ?? false;
      if (data && !member) {
        sink.add(r, table.kommuneColumn, RULES.kommune, 'warning', `${kommune.name} (${kommune.kommunenr}) er ikke medlem i ${data.dataset.name}.`, undefined, label || kommune.kommunenr);
      }
      const previous = seen.get(kommune.kommunenr);
      // A row whose name and number disagree is reported once, for that; not again as a duplicate.
      if (previous !== undefined && !mismatched.has(r) && !mismatched.has(previous)) {
        sink.add(
          r,
          table.kommuneColumn,
          RULES.members,
          'error',
          `${kommune.name} står to ganger i tabellen (også på rad ${table.originRow + previous}). Fjern den ene raden.`,
          undefined,
          label || kommune.kommunenr,
        );
      } else if (previous === undefined) {
        seen.set(kommune.kommunenr, r);
      }
    }
    result.set(r, { ...(kommune ? { kommune } : {}), name: kommune?.name ?? (label || `rad ${table.originRow + r}`), member });
  }
  return result;
}
