// Writes src/components/codicon-subset.ttf: Monaco's codicon font cut to the icons the editor features kept
// in this build can show (vite.config.ts serves it in place of the full font, which holds ~700 icons).
// The names are every `Codicon.x` named in the source of the Monaco modules the build bundles (find widget,
// folding, suggest kinds, menus, hover status bar, scrollbar arrows…). Add a name when a new feature shows
// an icon that renders as an empty box.
//
//   node scripts/subset-codicons.mjs   (needs Debian's python3-fonttools)
/* global console */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ICONS = `
  account addSmall arrowDown arrowUp caseSensitive check chevronDown chevronRight close copy dash error file
  folder info issues listFilter loading menuSelection menuSubmenu preserveCase regex removeSmall replace
  replaceAll scrollbarButtonDown scrollbarButtonLeft scrollbarButtonRight scrollbarButtonUp searchFuzzy
  selection sparkle symbolArray symbolBoolean symbolClass symbolColor symbolConstant symbolConstructor
  symbolCustomColor symbolEnum symbolEnumMember symbolEvent symbolField symbolFile symbolFolder symbolFunction
  symbolInterface symbolKey symbolKeyword symbolMethod symbolModule symbolNamespace symbolNull symbolNumber
  symbolObject symbolOperator symbolPackage symbolProperty symbolReference symbolSnippet symbolString
  symbolStruct symbolText symbolTypeParameter symbolUnit symbolValue symbolVariable sync tools treeItemExpanded
  treeItemLoading warning wholeWord
`
  .trim()
  .split(/\s+/);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Codicon } = await import('monaco-editor/base/common/codicons.js');
const { getCodiconFontCharacters } = await import('monaco-editor/base/common/codiconsUtil.js');
const characters = getCodiconFontCharacters();
const codePoints = ICONS.map((name) => {
  const code = characters[Codicon[name]?.id];
  if (code === undefined) throw new Error(`No codicon named ${name}`);
  return code.toString(16);
});

const font = join(root, 'node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.ttf');
const output = join(root, 'src/components/codicon-subset.ttf');
execFileSync(
  '/usr/bin/python3',
  [
    '-m',
    'fontTools.subset',
    font,
    `--unicodes=${[...new Set(codePoints)].join(',')}`,
    `--output-file=${output}`,
    '--no-hinting',
    '--desubroutinize',
    '--layout-features=',
    '--name-IDs=1,2',
    '--drop-tables+=FFTM',
  ],
  { stdio: 'inherit' },
);
console.log(`${output}: ${new Set(codePoints).size} glyphs`);
