// Writes Monaco's icon set cut to the icons the editor features kept in this build can show, where
// vite.config.ts puts them in place of the full set (~700 icons): src/components/codicon-subset.ttf (the font)
// and src/components/monacoCodicons.ts (the names and characters, in the main script and in the worker).
// The names are every `Codicon.x` named in the source of the Monaco modules the build bundles (find widget,
// folding, suggest kinds, menus, hover status bar, scrollbar arrows…). Add a name when a new feature shows
// an icon that renders as an empty box.
//
//   node scripts/subset-codicons.mjs   (needs Debian's python3-fonttools)
/* global console */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
const monaco = join(root, 'node_modules/monaco-editor/esm/vs');
const { codiconsLibrary } = await import('monaco-editor/base/common/codiconsLibrary.js');
const { Codicon } = await import('monaco-editor/base/common/codicons.js');
const { getCodiconFontCharacters } = await import('monaco-editor/base/common/codiconsUtil.js');
const characters = getCodiconFontCharacters();

// Monaco's derived icons (dialog-error, menu-submenu, scrollbar arrows…) name a library icon, which must exist.
const derivedTargets = [
  ...readFileSync(join(monaco, 'base/common/codicons.js'), 'utf8').matchAll(/register\('[^']+', '([^']+)'\)/g),
].map((m) => m[1]);
const wanted = new Set([...ICONS.map((name) => Codicon[name]?.id), ...derivedTargets]);
for (const name of ICONS) if (!Codicon[name]) throw new Error(`No codicon named ${name}`);
const kept = Object.entries(codiconsLibrary).filter(([, icon]) => wanted.has(icon.id));

const library = join(root, 'src/components/monacoCodicons.ts');
writeFileSync(
  library,
  `// Written by scripts/subset-codicons.mjs: the codicons this build shows, in place of Monaco's full library.
import { register } from 'monaco-editor/base/common/codiconsUtil';

export const codiconsLibrary = {
${kept.map(([name, icon]) => `  ${name}: register('${icon.id}', 0x${characters[icon.id].toString(16)}),`).join('\n')}
};
`,
);
execFileSync('npx', ['prettier', '--write', library], { cwd: root, stdio: 'inherit' });

const codePoints = [...new Set([...wanted].map((id) => characters[id].toString(16)))];
const font = join(monaco, 'base/browser/ui/codicons/codicon/codicon.ttf');
const output = join(root, 'src/components/codicon-subset.ttf');
execFileSync(
  '/usr/bin/python3',
  [
    '-m',
    'fontTools.subset',
    font,
    `--unicodes=${codePoints.join(',')}`,
    `--output-file=${output}`,
    '--no-hinting',
    '--desubroutinize',
    '--layout-features=',
    '--name-IDs=1,2',
    '--drop-tables+=FFTM',
  ],
  { stdio: 'inherit' },
);
console.log(`${output}: ${codePoints.length} glyphs; ${library}: ${kept.length} icons`);
