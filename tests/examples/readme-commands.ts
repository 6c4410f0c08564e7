// The `npx dh …` lines of README.md with the exit code each documents: run as written by examples.test.ts, and
// compared between the compiled and the source CLI by tests/cli/bundle.test.ts.

export interface ReadmeCommand {
  readonly command: string;
  readonly exitCode: number;
  readonly line: number;
}

/** Every `npx dh …` in README: inline code spans and lines of code blocks (a bare `npx dh …` placeholder is prose). */
export function readmeCommands(readme: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  let inBlock = false;
  readme.split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      inBlock = !inBlock;
      return;
    }
    const documented = /utkode (\d)/i.exec(text);
    const exitCode = documented ? Number(documented[1]) : 0;
    if (inBlock) {
      const m = /^\s*(npx dh [^#]*?)\s*(#.*)?$/.exec(text);
      if (m) out.push({ command: m[1]!, exitCode, line: i + 1 });
      return;
    }
    for (const m of text.matchAll(/`(npx dh [^`]+)`/g)) if (!/…|<[a-zæøå]+>/i.test(m[1]!)) out.push({ command: m[1]!, exitCode, line: i + 1 });
  });
  return out;
}
