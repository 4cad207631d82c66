// The public surface, entry by entry: every exported name with its kind, sorted, compared with the
// checked-in test/exports.snapshot.txt. Any change to what the package exports fails here until
// the snapshot is updated on purpose (`npx vitest run test/exports.test.ts -u`) and the change is
// listed in CHANGELOG.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** package.json `exports` subpath to the source file its build comes from (tsup.config.ts). */
const ENTRY_SOURCES: Readonly<Record<string, string>> = {
  '.': 'src/index.ts',
  './score': 'src/score/entry.ts',
  './edgar': 'src/edgar/index.ts',
  './extract': 'src/extract/index.ts',
  './finance': 'src/finance/index.ts',
  './pipeline': 'src/pipeline/index.ts',
  './queue': 'src/queue/index.ts',
  './records': 'src/records/index.ts',
  './summarize': 'src/summarize/index.ts',
};

function kindOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const f = target.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) return 'type';
  return 'other';
}

/** `<entry> <kind> <name>` for every export of every entry, sorted. */
function surface(): string {
  const files = Object.values(ENTRY_SOURCES).map((f) => join(root, f));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const lines: string[] = [];
  for (const [subpath, file] of Object.entries(ENTRY_SOURCES)) {
    const source = program.getSourceFile(join(root, file));
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${file}`);
    const entry = `fin-tabtext${subpath.slice(1)}`;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      lines.push(`${entry} ${kindOf(checker, symbol)} ${symbol.getName()}`);
    }
  }
  return `${lines.sort().join('\n')}\n`;
}

describe('public surface', () => {
  it('lists a source for every package.json export, and no other', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
    expect(Object.keys(ENTRY_SOURCES).sort()).toEqual(subpaths.sort());
  });

  it('matches test/exports.snapshot.txt', async () => {
    await expect(surface()).toMatchFileSnapshot('exports.snapshot.txt');
  }, 120_000);
});
