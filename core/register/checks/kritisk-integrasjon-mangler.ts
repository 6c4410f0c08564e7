import { criticalTypeOf, missingIntegrations } from '../critical.js';
import type { CriticalIntegration, CriticalSystemType } from '../data/critical-systems.js';
import type { RegisterRule } from '../rule.js';
import { CELL_VALUE, STATUS_OUT_OF_USE } from '../values.js';

const ID = 'register.kritisk-integrasjon-mangler';

/** One empty list for every memo: a register of a million systems must not hold a million empty arrays. */
const NOTHING_MISSING: readonly CriticalIntegration[] = Object.freeze([]);

/** What the rule last concluded for one system entry (a system nearly always has the same type and integrations). */
interface Memo {
  readonly typeValue: unknown;
  readonly type: CriticalSystemType | undefined;
  readonly fromTypeColumn: boolean;
  listed: string | undefined;
  missing: readonly CriticalIntegration[];
}

/**
 * A system of a type seed 003 rates «Kritisk» (data/critical-systems.ts) must list its critical integrations in
 * Integrasjoner: an økonomisystem its bank/faktura and lønn integrations, a lønnssystem bank, A-meldingen and
 * økonomi, a byggesak system Matrikkelen and Grunnboken, and so on. The type is read from Systemtype, or from
 * the System name when Systemtype is blank. Integrations are matched by key words. A system out of use (utfaset,
 * avviklet) has nothing left to integrate and is not checked; one being phased out still runs and is.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'warning',
  description: 'Kritiske systemer (KS/PA 2017, prioritet «Kritisk») må ha sine kritiske integrasjoner oppført.',
  start(ctx) {
    const typeCol = ctx.col('systemType');
    const systemCol = ctx.col('system');
    const integrationsCol = ctx.col('integrations');
    const typeCache = new Map<string, CriticalSystemType | null>();
    const missingCache = new Map<CriticalSystemType, Map<string, CriticalIntegration[]>>();
    const slot = ctx.reader.memoSlot();
    const typeOf = (v: unknown): CriticalSystemType | undefined => {
      if (typeof v !== 'string') return undefined;
      let hit = typeCache.get(v);
      if (hit === undefined) {
        hit = v.length <= 200 ? (criticalTypeOf(v) ?? null) : null;
        typeCache.set(v, hit);
      }
      return hit ?? undefined;
    };
    const missingFor = (type: CriticalSystemType, listed: string): CriticalIntegration[] => {
      let byText = missingCache.get(type);
      if (byText === undefined) {
        byText = new Map();
        missingCache.set(type, byText);
      }
      let missing = byText.get(listed);
      if (missing === undefined) {
        missing = missingIntegrations(type, listed);
        byText.set(listed, missing);
      }
      return missing;
    };
    return {
      row(f) {
        if (f.status === STATUS_OUT_OF_USE) return;
        const system = f.system;
        const typeValue = f.value(typeCol);
        let memo = system === undefined ? undefined : (system.memo[slot] as Memo | undefined);
        let type: CriticalSystemType | undefined;
        let fromTypeColumn: boolean;
        if (memo !== undefined && memo.typeValue === typeValue) {
          type = memo.type;
          fromTypeColumn = memo.fromTypeColumn;
        } else {
          type = typeOf(typeValue);
          fromTypeColumn = type !== undefined;
          // No Systemtype given: the System name may say it ("Lønnssystem", "Byggesak"). A Systemtype that is
          // filled in but not critical ("Sak/arkiv") is trusted as it stands.
          if (type === undefined && typeValue === undefined && system !== undefined) type = typeOf(system.text);
          if (system !== undefined) {
            memo = { typeValue, type, fromTypeColumn, listed: undefined, missing: NOTHING_MISSING };
            system.memo[slot] = memo;
          }
        }
        if (type === undefined || type.integrations.length === 0) return;
        let at = fromTypeColumn ? typeCol : systemCol;
        let listed = '';
        if (integrationsCol >= 0) {
          const k = f.cellClass(integrationsCol);
          if (k > CELL_VALUE) return; // error value or formula text: reported by feilverdi/formel-tekst
          const v = f.row[integrationsCol];
          listed = k === CELL_VALUE ? (typeof v === 'string' ? v : String(v)) : '';
          at = integrationsCol;
        }
        let missing: readonly CriticalIntegration[];
        if (memo !== undefined && memo.listed === listed) missing = memo.missing;
        else {
          missing = missingFor(type, listed);
          if (memo !== undefined) {
            memo.listed = listed;
            memo.missing = missing;
          }
        }
        if (missing.length === 0) return;
        const names = missing.map((m) => m.label).join('; ');
        const text = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'Systemet';
        const where = integrationsCol >= 0 ? 'Før dem opp i Integrasjoner' : 'Legg til kolonnen Integrasjoner og før dem opp';
        ctx.emit(
          ID,
          'warning',
          f.r,
          at,
          `${text} er et kritisk system (${type.name}, prioritet «Kritisk» i KS-rapporten om digital sammenslåing, ${type.table}), men mangler ${missing.length === 1 ? 'den kritiske integrasjonen' : 'de kritiske integrasjonene'}: ${names}. ${where}, eller rett systemtypen.`,
          names,
          listed.trim().slice(0, 80) || undefined,
        );
      },
    };
  },
};
