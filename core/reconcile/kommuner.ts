import type { DatasetContext } from '../dataset/context.js';
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

export function registryFor(data?: DatasetContext): KommuneRegistry {
  return data?.registry ?? builtInRegistry();
}

/**
 * Resolves the kommune of every data row: by number when the table has a Kommunenr column, else by name.
 * An ambiguous name (Herøy) resolves among the dataset's members, or without a dataset among the
 * kommuner of the fylke the rest of the table belongs to; otherwise the finding asks for the number.
 * Reports unknown, ambiguous, mismatched, non-member and duplicate kommuner.
 */
export function resolveRows(table: LocatedTable, sink: FindingSink, data?: DatasetContext): Map<number, RowKommune> {
  const registry = registryFor(data);
  let scope: ReadonlySet<string> | undefined = data?.memberNumbers;
  if (!scope) {
    const fylker = new Map<string, number>();
    for (const r of table.dataRows) {
      const found = registry.resolve(cellText(table.cells[r]?.[table.kommuneColumn]));
      if (found.ok && found.value.fylke) fylker.set(found.value.fylke, (fylker.get(found.value.fylke) ?? 0) + 1);
    }
    const dominant = [...fylker.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (dominant) scope = new Set(registry.all().filter((k) => k.fylke === dominant).map((k) => k.kommunenr));
  }
  const result = new Map<number, RowKommune>();
  const seen = new Map<string, number>();
  const nrColumn = table.columns.kommunenr !== undefined && table.columns.kommunenr !== table.kommuneColumn ? table.columns.kommunenr : undefined;
  for (const r of table.dataRows) {
    const row = table.cells[r] ?? [];
    const label = cellText(row[table.kommuneColumn]);
    const nrText = nrColumn !== undefined ? cellText(row[nrColumn]) : '';
    let kommune: Kommune | undefined;
    if (nrText) {
      const byNr = registry.resolve(/^\d+$/.test(nrText) ? nrText.padStart(4, '0') : nrText, scope);
      if (!byNr.ok) {
        sink.add(r, nrColumn!, RULES.kommune, 'error', `${byNr.error.message}${label ? ` (raden for «${label}»)` : ''}`, undefined, nrText);
      } else {
        kommune = byNr.value;
        if (label) {
          const byName = registry.resolve(label, new Set([kommune.kommunenr]));
          if (byName.ok && byName.value.kommunenr !== kommune.kommunenr) {
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
      if (previous !== undefined) {
        sink.add(
          r,
          table.kommuneColumn,
          RULES.members,
          'error',
          `${kommune.name} står to ganger i tabellen (også på rad ${table.originRow + previous}). Fjern den ene raden.`,
          undefined,
          label || kommune.kommunenr,
        );
      } else {
        seen.set(kommune.kommunenr, r);
      }
    }
    result.set(r, { ...(kommune ? { kommune } : {}), name: kommune?.name ?? (label || `rad ${table.originRow + r}`), member });
  }
  return result;
}
