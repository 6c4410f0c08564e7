// One language (issue 11): what a person reads is Bokmål with nb-NO dates (dd.mm.åååå) and figures («2 500,00 kr»),
// with singular and plural right. Two nets: every message template in the source (string and template literals that
// read as Norwegian sentences) is grepped for ISO dates and English words, and the findings the checks really
// produce on the board's tables and a register with typical problems are read the way a user reads them.
// Machine fields keep ISO on purpose: `--json` findings carry `row`/`cell` as data, and dates the user typed are
// quoted back as typed («…»); only message/expected/actual are text for people.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, checkRegister, DatasetContext, evaluateGevinst, HELGELAND_2026, reconcileSheets, type Finding } from '../../core/index.js';
import { allocationGrid, budgetGrid, duoGrid, rpaGrid } from './reconcile/board-tables.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** English words that have no Bokmål homograph (so «for», «to», «i», «is» are left out). */
const ENGLISH = /\b(the|and|not|found|error|warning|invalid|missing|expected|actual|must|should|cannot|unknown|value|column|sheet|file|empty|failed|please|check|total|row|rows|number|date|with|from|this|that|which|unable|could|would)\b/i;
/** «1 formler», «1 rader»: a count of one with a plural noun. */
const ONE_PLURAL = /(^|[^\d\s,])\s?\b1 (formler|rader|kommuner|endringer|celler|tabeller|advarsler|dager|gevinster|funn er|måneder|systemer|leverandører)\b/;

/**
 * Text a user sees, with what is quoted taken out: what they typed themselves («…»), and field names of machine
 * formats ("rule", `--json`). A text that names the input format ÅÅÅÅ-MM-DD (`--dato`, `?idag=`) may give an example
 * in it: that is the format the user must type there.
 */
const own = (text: string) => {
  const t = text.replace(/«[^»]*»/g, '«»').replace(/\\?"[^"]*\\?"/g, '""').replace(/`[^`]*`/g, '``');
  return /ÅÅÅÅ-MM-DD/.test(t) ? t.replace(ISO_DATE, 'ÅÅÅÅ-MM-DD') : t;
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** String and template literals of a source file (nested templates too), `${…}` replaced by «x», comments left out. */
function literals(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  // Reads a template from after its opening backtick; returns its text with each substitution as «x».
  const template = (): string => {
    let text = '';
    while (i < source.length) {
      const ch = source[i]!;
      if (ch === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (ch === '`') {
        i++;
        return text;
      } else if (ch === '$' && source[i + 1] === '{') {
        i += 2;
        code(1);
        text += 'x';
      } else {
        text += ch;
        i++;
      }
    }
    return text;
  };
  const quoted = (quote: string): string => {
    let text = '';
    while (i < source.length && source[i] !== quote && source[i] !== '\n') {
      text += source[i] === '\\' ? source.slice(i, i + 2) : source[i];
      i += source[i] === '\\' ? 2 : 1;
    }
    i++;
    return text;
  };
  // Reads code until the closing brace of `depth` (0: to the end), collecting the literals inside.
  const code = (depth: number): void => {
    let level = depth;
    while (i < source.length) {
      const ch = source[i]!;
      const next = source[i + 1];
      if (ch === '/' && next === '/') i = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
      else if (ch === '/' && next === '*') i = source.indexOf('*/', i + 2) < 0 ? source.length : source.indexOf('*/', i + 2) + 2;
      else if (ch === "'" || ch === '"') {
        i++;
        out.push(quoted(ch));
      } else if (ch === '`') {
        i++;
        out.push(template());
      } else if (ch === '{') {
        level++;
        i++;
      } else if (ch === '}') {
        i++;
        if (depth > 0 && --level === 0) return;
      } else i++;
    }
  };
  code(0);
  return out;
}

/** A literal that reads as a Norwegian sentence meant for a person. */
const NORWEGIAN = /[æøåÆØÅ]|\b(er|ikke|og|på|med|til|kan|skal|finnes|mangler|eller|som|har)\b/;
const isMessage = (text: string) => text.length < 600 && text.includes(' ') && NORWEGIAN.test(text) && /[A-ZÆØÅa-zæøå]{3}/.test(text);

describe('message templates in the source', () => {
  const dirs = ['core', 'cli', 'ui', 'preview/src', 'addin-excel/src', 'addin-gsheets/src'].map((d) => join(ROOT, d));
  const templates = dirs.flatMap((dir) => sourceFiles(dir).flatMap((file) => literals(readFileSync(file, 'utf8')).filter(isMessage).map((text) => ({ file: file.slice(ROOT.length + 1), text }))));

  it('are many (the scan reads the sources it should)', () => {
    expect(templates.length).toBeGreaterThan(300);
  });

  it('hold no ISO date', () => {
    expect(templates.filter((t) => ISO_DATE.test(own(t.text))).map((t) => `${t.file}: ${t.text}`)).toEqual([]);
  });

  it('hold no English word', () => {
    expect(templates.filter((t) => ENGLISH.test(own(t.text))).map((t) => `${t.file}: ${t.text}`)).toEqual([]);
  });
});

describe('findings as a person reads them', () => {
  const data = new DatasetContext(HELGELAND_2026);
  const register = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'register', 'helgeland-systemoversikt.json'), 'utf8')) as { celler: unknown[][] };
  const findings: Finding[] = [
    ...checkRegister(register.celler, { sheet: 'Systemoversikt', originRow: 1, originColumn: 1, today: '2026-03-01', data }),
    ...reconcileSheets(
      [
        { sheet: 'Budsjett 2026', cells: budgetGrid('numbers'), originRow: 1, originColumn: 1 },
        { sheet: 'Fordeling 2026', cells: allocationGrid('text'), originRow: 1, originColumn: 1 },
        { sheet: 'RPA og DUO', cells: [...rpaGrid('numbers'), [], [], ...duoGrid('numbers')], originRow: 1, originColumn: 1 },
      ],
      { data, year: 2026 },
    ).findings,
    ...evaluateGevinst(
      {
        name: 'DH_Gevinst',
        headers: ['Gevinst', 'Kommune', 'Type', 'Kontantfrigjørende', 'Investering', 'Årlig kostnad', 'Årlig gevinst', 'Antall år', 'Startdato'],
        rows: [
          ['RPA', 'Rana', 'Tid', 'Ja', 100000, 2500, 'mye', 5, '2026-13-01'],
          ['', 'Atlantis', '', 'Kanskje', -5, 0, 1000, 0, ''],
        ],
      },
      undefined,
      '2026-03-01',
    ).findings,
  ];
  const texts = findings.flatMap((f) => [f.message, f.expected, f.actual].filter((t): t is string => typeof t === 'string').map((t) => ({ rule: f.rule, text: t })));

  it('cover the register, the board and the gevinst rules', () => {
    const rules = new Set(findings.map((f) => f.rule.split('.')[0]));
    expect(rules.has('register') && rules.has('kontroll')).toBe(true);
    expect(findings.length).toBeGreaterThan(20);
  });

  it('give dates as dd.mm.åååå, amounts grouped with a decimal comma, and no English', () => {
    const bad = texts.filter(({ text }) => {
      const t = own(text);
      return ISO_DATE.test(t) || ENGLISH.test(t) || /(?<![\d.])\d+\.\d+(?![\d.])/.test(t) || /\b\d{5,}\b/.test(t);
    });
    expect(bad.map((b) => `${b.rule}: ${b.text}`)).toEqual([]);
  });

  it('use the singular for one', () => {
    expect(texts.filter(({ text }) => ONE_PLURAL.test(own(text))).map((b) => `${b.rule}: ${b.text}`)).toEqual([]);
  });
});

describe('the catalog’s help texts', () => {
  const texts = CATALOG.flatMap((e) => [e.description, e.returns.description, ...e.params.map((p) => (p as { description?: string }).description ?? ''), ...e.examples.map((x) => x.result)]).filter(Boolean);
  it('hold no ISO date and no English word', () => {
    expect(texts.length).toBeGreaterThan(CATALOG.length);
    expect(texts.filter((t) => ISO_DATE.test(own(t)) || ENGLISH.test(own(t)))).toEqual([]);
  });
});
