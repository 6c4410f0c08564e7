import { ROW_NO_EXTRACT_PLAN } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.arkivverdig-uten-uttrekk';

/**
 * Seed 003 Tabell 2 (Arkiv og data: arkivverdig/bevaringsverdig, depotordninger, uttrekk): a system whose data is
 * archive-worthy (Arkivverdig = Ja) — or worth preserving (Bevaringsverdig = Ja) — needs a plan for extract and
 * deposit in Uttrekk/depot.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Arkivverdige (og bevaringsverdige) systemer må ha plan for uttrekk og depot.',
  start(ctx) {
    const archiveCol = ctx.col('archiveWorthy');
    const preservationCol = ctx.col('preservationWorthy');
    if (archiveCol < 0 && preservationCol < 0) return undefined;
    const planCol = ctx.col('extractPlan');
    if (planCol < 0) ctx.emitMissingColumn(ID, 'error', 'extractPlan', 'Registeret har arkivverdige systemer, men mangler kolonnen Uttrekk/depot. Legg den til og fyll inn plan for uttrekk og depot.');
    return {
      when: ROW_NO_EXTRACT_PLAN,
      row(f) {
        const archive = f.archiveWorthy === true;
        const preserve = f.preservationWorthy === true;
        if ((!archive && !preserve) || f.extractPlan) return;
        // Uttrekk/depot holding an error or formula-like text is reported by those rules.
        if (planCol >= 0 && f.cellClass(planCol) > 1) return;
        const what = archive ? 'arkivverdig' : 'bevaringsverdig';
        const system = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'Systemet';
        const planText = planCol >= 0 ? String(f.cell(planCol) ?? '').trim().slice(0, 80) : '';
        const at = planCol >= 0 ? planCol : archive ? archiveCol : preservationCol;
        ctx.emit(
          ID,
          'error',
          f.r,
          at,
          `${system} er ${what}, men har ingen plan for uttrekk/depot${planText ? ` («${planText}»)` : ''}. Beskriv hvordan dataene skal trekkes ut og avleveres (f.eks. «Noark 5-uttrekk til IKA, 2027»).`,
          'plan for uttrekk og depot',
          planText || undefined,
        );
      },
    };
  },
};
