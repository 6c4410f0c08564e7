// Shared shape of the "field must be filled in" rules (system-mangler, systemeier-mangler, …).
import type { Severity } from '../findings/finding.js';
import { FIELD_LABEL, type RegisterField } from './fields.js';
import { MISSING_FLAG } from './reader.js';
import type { RegisterRule } from './rule.js';
import { shownText } from './values.js';

export interface RequiredFieldSpec {
  readonly id: string;
  readonly field: RegisterField;
  readonly severity: Severity;
  /** Why the field matters, appended to the message ("Alle fagsystemer må ha en systemeier (KS 2017, 5.9.3)."). */
  readonly why: string;
  /** What to write, e.g. "navnet på lederen som eier systemet". */
  readonly what: string;
}

/** A rule that reports rows where `field` is blank or a placeholder ("-", "?", "Ukjent"), or the column is missing. */
export function requiredFieldRule(spec: RequiredFieldSpec): RegisterRule {
  const label = FIELD_LABEL[spec.field];
  return {
    id: spec.id,
    severity: spec.severity,
    description: `${label} må være fylt ut. ${spec.why}`,
    start(ctx) {
      const c = ctx.col(spec.field);
      if (c < 0) {
        ctx.emitMissingColumn(spec.id, spec.severity, spec.field, `Registeret mangler kolonnen ${label}. Legg til kolonnen og fyll inn ${spec.what}. ${spec.why}`);
        return undefined;
      }
      const header = ctx.columnLabel(c);
      const flag = MISSING_FLAG[spec.field];
      const reader = ctx.reader;
      return {
        when: flag,
        row(f) {
          if (flag === undefined && !reader.isMissing(f, c)) return;
          const v = f.cell(c);
          const text = shownText(v);
          const system = f.systemText ? ` for «${shownText(f.systemText)}»` : '';
          const message = text
            ? `${header}${system} er «${text}»: fyll inn ${spec.what}. ${spec.why}`
            : `${header} mangler${system}: fyll inn ${spec.what}. ${spec.why}`;
          ctx.emit(spec.id, spec.severity, f.r, c, message, undefined, text || undefined);
        },
      };
    },
  };
}
