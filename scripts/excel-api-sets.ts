// Which ExcelApi requirement set the Excel add-in's code needs, read from the code itself: every Excel API
// member the source touches is resolved with the TypeScript compiler against @types/office-js, whose doc
// comments carry "[Api set: ExcelApi 1.x]". The manifest must declare the highest set used unguarded;
// a member above it is allowed only inside a function that asks Office.context.requirements.isSetSupported
// for that set first ("Specify Office applications and API requirements", learn.microsoft.com: declare the
// minimum in <Requirements>, test anything beyond it at run time).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
/** The Excel add-in's source files that run in Excel (task pane, commands, functions). */
export const EXCEL_SOURCES = ['addin-excel/src/taskpane/excel-host.ts', 'addin-excel/src/taskpane/index.tsx', 'addin-excel/src/taskpane/startup.ts', 'addin-excel/src/commands/commands.ts', 'addin-excel/src/functions/functions.ts'];

export interface ApiUse {
  readonly file: string;
  readonly line: number;
  readonly member: string;
  readonly version: string;
  /** The isSetSupported('ExcelApi', v) versions asked in the enclosing function(s). */
  readonly guardedBy: readonly string[];
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every Excel API member used in `files`, with the ExcelApi set its declaration names. */
export function excelApiUses(files: readonly string[] = EXCEL_SOURCES): ApiUse[] {
  const require = createRequire(import.meta.url);
  const ts = require('typescript') as typeof import('typescript');
  const paths = files.map((f) => resolve(ROOT, f)).filter((p) => {
    try {
      readFileSync(p);
      return true;
    } catch {
      return false;
    }
  });
  const program = ts.createProgram(paths, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['office-js', 'node'],
  });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const path of paths) {
    const source = program.getSourceFile(path);
    if (!source) continue;
    const guardsAt = (node: import('typescript').Node): string[] => {
      const found: string[] = [];
      for (let n: import('typescript').Node | undefined = node; n; n = n.parent) {
        if (ts.isFunctionLike(n) || ts.isSourceFile(n)) {
          for (const m of n.getText(source).matchAll(/isSetSupported\(\s*['"]ExcelApi['"]\s*,\s*['"]([\d.]+)['"]/g)) found.push(m[1]!);
          if (found.length) break;
        }
      }
      return found;
    };
    const visit = (node: import('typescript').Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          const file = decl.getSourceFile().fileName;
          if (!/@types[\\/]office-js[\\/]/.test(file)) continue;
          const text = decl.getFullText();
          const m = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(text);
          if (!m) continue;
          uses.push({
            file: relative(ROOT, path),
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
            member: node.getText(source).replace(/\s+/g, ''),
            version: m[1]!,
            guardedBy: guardsAt(node),
          });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The highest ExcelApi set used without a guard (the one the manifest must declare). */
export function requiredExcelApi(uses: readonly ApiUse[]): string {
  let max = '1.1';
  for (const u of uses) {
    const guarded = u.guardedBy.some((g) => compareVersions(g, u.version) >= 0);
    if (!guarded && compareVersions(u.version, max) > 0) max = u.version;
  }
  return max;
}

/** The ExcelApi MinVersion in a manifest's <Requirements>, if any. */
export function declaredExcelApi(manifestXml: string): string | undefined {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifestXml)?.[1] ?? '';
  return /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(requirements)?.[1];
}
