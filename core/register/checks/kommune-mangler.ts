import { ROW_KOMMUNE } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-mangler';

/**
 * Every row must say which kommune it belongs to: a Kommune or a Kommunenr (the number is the key). A register
 * without either column that is one kommune's sheet — named after it («Rana», «Vefsn kommune»), or with it in the
 * title («Systemoversikt Vefsn kommune») — belongs to that kommune: one note says so instead of an error. So does a
 * register whose rows all stand under section labels («Eigersund kommune» alone in a row).
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Hver rad må ha kommune eller kommunenummer (eller arket må være én kommunes, etter navn eller tittel).',
  start(ctx) {
    const nameCol = ctx.col('kommune');
    const nrCol = ctx.col('kommunenr');
    if (nameCol < 0 && nrCol < 0) {
      const context = ctx.reader.contextKommune;
      if (context) {
        const { name, kommunenr } = context.kommune;
        const where = context.source === 'sheet' ? `arknavnet «${context.text.slice(0, 80)}»` : `tittelen «${context.text.slice(0, 80)}»`;
        ctx.emitMissingColumn(
          ID,
          'info',
          'kommunenr',
          `Registeret har ingen kolonne for kommune: alle rader er lest som ${name} (${kommunenr}) etter ${where}. Legg til Kommunenr hvis registeret skal slås sammen med andre kommuners.`,
        );
        return undefined;
      }
      // Section label rows («Eigersund kommune» above its systems) may give every row its kommune: then nothing lacks.
      let lacking = 0;
      return {
        when: ROW_KOMMUNE,
        row() {
          lacking++;
        },
        end() {
          if (lacking > 0 || !ctx.reader.hasSections) {
            ctx.emitMissingColumn(ID, 'error', 'kommunenr', 'Registeret mangler kolonnene Kommune og Kommunenr. Legg til Kommunenr (fire siffer) og gjerne Kommune.');
          }
        },
      };
    }
    const reader = ctx.reader;
    const at = nrCol >= 0 ? nrCol : nameCol;
    return {
      when: ROW_KOMMUNE,
      row(f) {
        if (nameCol >= 0 && !reader.isMissing(f, nameCol)) return;
        if (nrCol >= 0 && !reader.isMissing(f, nrCol)) return;
        const system = f.systemText ? ` for «${f.systemText.slice(0, 80)}»` : '';
        ctx.emit(ID, 'error', f.r, at, `Kommune mangler${system}: fyll inn kommunenummer (fire siffer) eller kommunenavn.`);
      },
    };
  },
};
