// Shared shape of the rules that report typed cells the reader could not read (ugyldig-tall, ugyldig-dato, …).
import type { Severity } from '../findings/finding.js';
import { ROW_PROBLEM, type ParseProblem } from './reader.js';
import type { RegisterRule } from './rule.js';

export interface ParseRuleSpec {
  readonly id: string;
  readonly kind: ParseProblem['kind'];
  readonly severity: Severity;
  readonly description: string;
  /** The message for one problem (the reader's reason is in problem.reason). */
  message(problem: ParseProblem, header: string): string;
  expected?(problem: ParseProblem): string | undefined;
}

export function parseProblemRule(spec: ParseRuleSpec): RegisterRule {
  return {
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    start(ctx) {
      return {
        when: ROW_PROBLEM,
        row(f) {
          const problems = f.problems;
          for (let i = 0; i < problems.length; i++) {
            const p = problems[i]!;
            if (p.kind !== spec.kind) continue;
            ctx.emit(spec.id, spec.severity, f.r, p.c, spec.message(p, ctx.columnLabel(p.c)), spec.expected?.(p), p.actual);
          }
        },
      };
    },
  };
}
