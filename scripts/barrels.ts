// Build-only: imports through re-export files ("barrels") go straight to the module that defines each name.
//
// Why: with code splitting, esbuild puts a file into the chunk of every entry that can *reach* it through
// import records, used or not. One `import { Button } from '@fluentui/react-components'` in the first view
// makes every Fluent component reachable from the first load (their unused parts are shaken out, but
// whatever a later view uses lands in the first-load chunk); `import { x } from '../core/index.js'` does the
// same with all of core. Rewriting each named import to its defining module makes reachability follow use.
// The sources keep importing from the barrels (core/index.ts is the hosts' only door into core).
//
// A re-export is followed only through files it is safe to skip: files under core/ (pure by the house rule:
// no host API, no module-level effects) and files of packages that declare `"sideEffects": false` (the
// promise bundlers rely on to drop unused re-exports). Anything not understood keeps its original import.
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type * as esbuild from 'esbuild';
import ts from 'typescript';

interface ModuleExports {
  /** Names the module defines itself (also `export * as ns`, `export { a as b }` of a local). */
  readonly local: ReadonlySet<string>;
  /** `export { a as b } from 'x'`: b → (x, a). */
  readonly reexports: ReadonlyMap<string, { readonly specifier: string; readonly name: string }>;
  /** `export * from 'x'`, in source order. */
  readonly stars: readonly string[];
}

interface Origin {
  readonly file: string;
  readonly name: string;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === kind);

function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
}

/** What a module exports, read from its syntax (value exports only: types are erased). */
export function moduleExports(source: ts.SourceFile): ModuleExports {
  const local = new Set<string>();
  const reexports = new Map<string, { specifier: string; name: string }>();
  const stars: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) stars.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        local.add(clause.name.text);
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const exported = element.name.text;
          const original = (element.propertyName ?? element.name).text;
          if (specifier) reexports.set(exported, { specifier, name: original });
          else local.add(exported);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      local.add('default');
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword) && !hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) local.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) local.add(declaration.name.text);
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
        local.add(statement.name.text);
      }
    }
  }
  return { local, reexports, stars };
}

/** Rewrites a file's text before its imports are flattened (undefined: leave it as it is). */
export type SourceTransform = (path: string, text: string) => Promise<string | undefined> | string | undefined;

/** The plugin; `coreDir` is the folder whose files count as side-effect free. */
export function flattenBarrels(coreDir: string, transform?: SourceTransform): esbuild.Plugin {
  return {
    name: 'dh-flatten-barrels',
    setup(build) {
      const exportsCache = new Map<string, ModuleExports | null>();
      const pureCache = new Map<string, boolean>();
      const resolveCache = new Map<string, Promise<string | undefined>>();

      const exportsOf = (file: string): ModuleExports | null => {
        if (!exportsCache.has(file)) {
          let result: ModuleExports | null = null;
          if (/\.(m?js|tsx?)$/.test(file)) {
            try {
              result = moduleExports(parse(file, readFileSync(file, 'utf8')));
            } catch {
              result = null;
            }
          }
          exportsCache.set(file, result);
        }
        return exportsCache.get(file)!;
      };

      /** Files whose re-exports may be skipped: core/ or a package with "sideEffects": false. */
      const skippable = (file: string): boolean => {
        if (file.startsWith(coreDir + sep)) return true;
        if (!file.includes(`${sep}node_modules${sep}`)) return false;
        let dir = dirname(file);
        const seen: string[] = [];
        let answer = false;
        while (dir !== dirname(dir)) {
          const cached = pureCache.get(dir);
          if (cached !== undefined) {
            answer = cached;
            break;
          }
          seen.push(dir);
          let manifest: { name?: unknown; sideEffects?: unknown } | undefined;
          try {
            manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
          } catch {
            manifest = undefined;
          }
          // A package.json without a name (e.g. lib/package.json with only "type") is not the package's own.
          if (manifest && typeof manifest.name === 'string') {
            answer = manifest.sideEffects === false;
            break;
          }
          dir = dirname(dir);
        }
        for (const d of seen) pureCache.set(d, answer);
        return answer;
      };

      const resolveFrom = (importer: string, specifier: string): Promise<string | undefined> => {
        const key = `${dirname(importer)}\0${specifier}`;
        let hit = resolveCache.get(key);
        if (!hit) {
          hit = build
            .resolve(specifier, { resolveDir: dirname(importer), kind: 'import-statement', importer })
            .then((r) => (r.errors.length || r.external || r.namespace !== 'file' ? undefined : r.path))
            .catch(() => undefined);
          resolveCache.set(key, hit);
        }
        return hit;
      };

      /** Does `file` export `name` (directly or through its re-exports)? */
      const exportsName = async (file: string, name: string, depth = 0): Promise<boolean> => {
        const exported = exportsOf(file);
        if (!exported || depth > 30) return false;
        if (exported.local.has(name) || exported.reexports.has(name)) return true;
        for (const star of exported.stars) {
          const target = await resolveFrom(file, star);
          if (target && (await exportsName(target, name, depth + 1))) return true;
        }
        return false;
      };

      /** The module that defines `name` as seen from `file`, following only skippable re-exports. */
      const origin = async (file: string, name: string, depth = 0): Promise<Origin> => {
        const here = { file, name };
        const exported = exportsOf(file);
        if (!exported || depth > 30 || exported.local.has(name) || !skippable(file)) return here;
        const named = exported.reexports.get(name);
        if (named) {
          const target = await resolveFrom(file, named.specifier);
          return target ? origin(target, named.name, depth + 1) : here;
        }
        const holders: string[] = [];
        for (const star of exported.stars) {
          const target = await resolveFrom(file, star);
          if (!target) return here; // a star we cannot read might be the one that exports it
          if (await exportsName(target, name)) holders.push(target);
        }
        // Two `export *` giving one name make it ambiguous (not exported at all): leave such imports alone.
        return holders.length === 1 ? origin(holders[0]!, name, depth + 1) : here;
      };

      /** A file that re-exports anything (read as text: most files are not, and need no parse). */
      const barrelCache = new Map<string, boolean>();
      const mayReexport = (file: string): boolean => {
        let hit = barrelCache.get(file);
        if (hit === undefined) {
          try {
            hit = /\bexport\s*(\*|\{[^}]*\})\s*from\b/.test(readFileSync(file, 'utf8'));
          } catch {
            hit = false;
          }
          barrelCache.set(file, hit);
        }
        return hit;
      };
      /** Whether any `import { … } from 'x'` of the text leads to a re-exporting file we may skip. */
      const importsABarrel = async (importer: string, text: string): Promise<boolean> => {
        for (const match of text.matchAll(/\bimport\s*\{[^}]*\}\s*from\s*["']([^"']+)["']/g)) {
          const target = await resolveFrom(importer, match[1]!);
          if (target && skippable(target) && mayReexport(target)) return true;
        }
        return false;
      };

      build.onLoad({ filter: /\.(m?js|tsx?)$/ }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        const inPackage = args.path.includes(`${sep}node_modules${sep}`);
        const original = readFileSync(args.path, 'utf8');
        const transformed = inPackage ? undefined : await transform?.(args.path, original);
        const text = transformed ?? original;
        const loader = args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js';
        const unchanged = (): esbuild.OnLoadResult | undefined => (transformed === undefined ? undefined : { contents: text, loader, resolveDir: dirname(args.path), watchFiles: [args.path] });
        if (!/\bimport\s*\{/.test(text) || !(await importsABarrel(args.path, text))) return unchanged();
        const source = parse(args.path, text);
        const edits: { start: number; end: number; text: string }[] = [];
        for (const statement of source.statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
          const clause = statement.importClause;
          if (!clause || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
          if (statement.attributes) continue;
          const resolved = await resolveFrom(args.path, statement.moduleSpecifier.text);
          if (!resolved || !skippable(resolved)) continue;
          const byFile = new Map<string, string[]>();
          let changed = false;
          for (const element of clause.namedBindings.elements) {
            if (element.isTypeOnly) continue;
            const imported = (element.propertyName ?? element.name).text;
            const found = await origin(resolved, imported);
            if (found.file !== resolved) changed = true;
            const binding = found.name === element.name.text ? found.name : `${found.name} as ${element.name.text}`;
            byFile.set(found.file, [...(byFile.get(found.file) ?? []), binding]);
          }
          if (!changed) continue;
          const replacement = [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`).join(' ');
          edits.push({ start: statement.getStart(source), end: statement.getEnd(), text: replacement });
        }
        if (!edits.length) return unchanged();
        let contents = text;
        for (const edit of edits.reverse()) contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end);
        return { contents, loader, resolveDir: dirname(args.path), ...(inPackage ? {} : { watchFiles: [args.path] }) };
      });
    },
  };
}

