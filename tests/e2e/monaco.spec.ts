// Monaco is bundled, lazy and JSON-only: the page decodes before it arrives, it loads from our own
// origin (workers included), pasting JSON into it (Ctrl+A, Ctrl+V) changes the token, and a syntax
// error shows under the editor.
import { test, expect, type Page } from './fixtures';
import {
  defaultPayload,
  expectEditorText,
  expectSignature,
  guardPage,
  hs256,
  openToken,
  waitForMonaco,
} from './helpers';

/** The payload segment of the token box, decoded: what an edit in the payload editor rebuilt. */
async function tokenBoxPayload(page: Page): Promise<string> {
  const value = await page.getByTestId('token-input').inputValue();
  return Buffer.from(value.split('.')[1] ?? '', 'base64url').toString();
}

test('decoded JSON is visible before Monaco, then Monaco takes over', async ({ page }) => {
  const guard = guardPage(page);
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await waitForMonaco(page, 'payload-editor');
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  guard.check();
});

test('the text stays on screen while Monaco takes over: no frame shows an empty editor', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'plain');
  // Once per frame, before it is painted: what the payload box would show.
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid="payload-editor"]')!;
    const seen: string[] = [];
    (window as unknown as { seenFrames: string[] }).seenFrames = seen;
    const shows = (text: string | null | undefined) => (text ?? '').replaceAll('\u00a0', ' ').includes('Grace Hopper');
    const frame = () => {
      const plain = box.querySelector<HTMLTextAreaElement>('textarea:not(.inputarea)');
      const lines = box.querySelector('.view-lines');
      const state = shows(lines?.textContent) ? 'monaco' : shows(plain?.value) ? 'plain' : 'empty';
      seen.push(state);
      if (state !== 'monaco') requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByTestId('payload-editor').hover();
  await waitForMonaco(page, 'payload-editor');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seenFrames: string[] }).seenFrames.at(-1)))
    .toBe('monaco');
  const frames = await page.evaluate(() => (window as unknown as { seenFrames: string[] }).seenFrames);
  expect(frames[0]).toBe('plain');
  expect(
    frames.filter((state) => state === 'empty'),
    frames.join(' '),
  ).toEqual([]);
});

/** Every request of the page for Monaco's files (its chunk, stylesheet, JSON mode and worker), in order. */
function recordMonacoRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (/^(?:MonacoJsonEditor|jsonMode|json\.worker|editor\.worker)-/.test(name)) requests.push(name);
  });
  return requests;
}

test('Monaco runs only when an editor is wanted; a focused plain editor hands over its caret', async ({ page }) => {
  const monacoRequests = recordMonacoRequests(page);
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await page.getByTestId('key-input').fill('k');
  await expectSignature(page, 'verified');
  await page.waitForLoadState('networkidle');
  // On a pointer device the chunk is compiled ahead (next test); nothing of Monaco runs before an editor is wanted.
  expect(
    monacoRequests.filter((name) => !/^MonacoJsonEditor-.*\.js$/.test(name)),
    'no Monaco stylesheet, JSON mode or worker before an editor is wanted',
  ).toEqual([]);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'plain');

  // Keyboard focus (no pointer) into the plain editor, caret just before "Grace".
  const plain = page.getByTestId('payload-editor').locator('textarea');
  await plain.evaluate((element: HTMLTextAreaElement) => {
    const at = element.value.indexOf('Grace');
    element.focus();
    element.setSelectionRange(at, at);
  });
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
  expect(monacoRequests.some((name) => name.endsWith('.css'))).toBe(true);
  await expect
    .poll(() =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="payload-editor"] .monaco-editor'))),
    )
    .toBe(true);
  await page.keyboard.type('Z');
  await expect.poll(() => tokenBoxPayload(page)).toContain('"ZGrace Hopper"');
});

test('with a mouse, Monaco is compiled ahead once the token is verified, and fetched once', async ({ page }) => {
  const monacoRequests = recordMonacoRequests(page);
  const keyEngineAnswered: string[] = [];
  page.on('requestfinished', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.startsWith('key-engine-')) keyEngineAnswered.push(String(monacoRequests.length));
  });
  await openToken(page, hs256(defaultPayload(), 'k'));
  await page.getByTestId('key-input').fill('k');
  await expectSignature(page, 'verified');
  const preload = page.locator('link[rel="modulepreload"][href*="/MonacoJsonEditor-"]');
  await expect(preload).toHaveCount(1);
  await expect.poll(() => monacoRequests.filter((name) => name.endsWith('.js')).length).toBe(1);
  // The key engine had its answer before Monaco's chunk was asked for: the preload never competes with it.
  expect(keyEngineAnswered).toEqual(['0']);
  await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'plain');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);

  await waitForMonaco(page, 'payload-editor');
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  expect(monacoRequests.filter((name) => /^MonacoJsonEditor-.*\.js$/.test(name))).toHaveLength(1);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });

  test('Monaco is neither fetched nor compiled until an editor is tapped', async ({ page }) => {
    const monacoRequests = recordMonacoRequests(page);
    await openToken(page, hs256(defaultPayload(), 'k'));
    await page.getByTestId('key-input').fill('k');
    await expectSignature(page, 'verified');
    await page.waitForLoadState('networkidle');
    // An idle moment past the preload's own wait (it starts at the first idle moment after verification).
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3_000 })));
    expect(await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches)).toBe(false);
    expect(monacoRequests).toEqual([]);
    await expect(page.locator('link[rel="modulepreload"][href*="/MonacoJsonEditor-"]')).toHaveCount(0);

    await page.getByTestId('payload-editor').locator('textarea').tap();
    await expect(page.getByTestId('payload-editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
    expect(monacoRequests.some((name) => /^MonacoJsonEditor-.*\.js$/.test(name))).toBe(true);
  });
});

test('keys typed while Monaco takes over from a focused plain editor all arrive, in place', async ({ page }) => {
  await openToken(page, hs256(defaultPayload(), 'k'));
  await expectEditorText(page, 'payload-editor', 'Grace Hopper');
  await page.waitForLoadState('networkidle');
  const box = page.getByTestId('payload-editor');
  await box.locator('textarea').evaluate((element: HTMLTextAreaElement) => {
    const at = element.value.indexOf('Grace');
    element.focus();
    element.setSelectionRange(at, at);
  });
  // Focus asked for Monaco: type one key at a time until it has taken over (and focus), then a few more.
  const inMonaco = () =>
    page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="payload-editor"] .monaco-editor')));
  let typed = '';
  for (let i = 0; i < 200 && !(await inMonaco()); i++) {
    const keys = 'abcdefghijklmnopqrstuvwx'.slice((i % 8) * 3, (i % 8) * 3 + 3);
    await page.keyboard.type(keys);
    typed += keys;
  }
  expect(await inMonaco(), 'Monaco took over while typing').toBe(true);
  await page.keyboard.type('XYZ', { delay: 20 });
  await expect.poll(() => tokenBoxPayload(page)).toContain(`"${typed}XYZGrace Hopper"`);
});

test('Ctrl+A, Ctrl+V of JSON into the payload editor changes the payload (Decode view)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const token = hs256(defaultPayload(), 'k');
  await openToken(page, token);
  await waitForMonaco(page, 'payload-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify({ sub: 'pasted', role: 'admin' }));
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => tokenBoxPayload(page)).toBe('{"sub":"pasted","role":"admin"}');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'no-key');
});

test('Ctrl+A, Ctrl+V into the Encode header editor changes the header and the output', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill('an HMAC secret that is comfortably longer than 32 bytes');
  await waitForMonaco(page, 'header-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"alg":"HS384","typ":"JWT","kid":"pasted"}');
  await page.getByTestId('header-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByTestId('alg-select')).toHaveValue('HS384');
  await expect
    .poll(async () => {
      const token = (await page.getByTestId('token-output').innerText()).trim();
      return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;
    })
    .toBe('pasted');
});

test('a JSON syntax error shows a marker and a message under the editor', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await waitForMonaco(page, 'payload-editor');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"sub": "x",, "n": 1}');
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByText(/Payload JSON:/)).toBeVisible();
  await expect(page.getByTestId('payload-editor').locator('.squiggly-error')).not.toHaveCount(0, { timeout: 15_000 });
});

/**
 * Key presses as fast as the keyboard sends them. If the owner's text reached Monaco after a key press that
 * changed it, the older text would be put back and the caret thrown to the end of the document (the next
 * letter would land after the closing brace): every letter must be in the token, in order.
 */
async function typeFastInPayloadEditor(page: Page, letters: string): Promise<void> {
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), '{"sub":"x"}');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expectEditorText(page, 'payload-editor', '"x"');
  // The caret goes just before the closing quote of "x".
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  for (const letter of letters) await page.keyboard.press(letter);
}

const FAST_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);

test('fast typing in the Encode payload editor keeps every key where the caret is', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill('an HMAC secret that is comfortably longer than 32 bytes');
  await waitForMonaco(page, 'payload-editor');
  await typeFastInPayloadEditor(page, FAST_LETTERS);
  await expect
    .poll(async () => {
      const token = (await page.getByTestId('token-output').innerText()).trim();
      return Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
    })
    .toBe(JSON.stringify({ sub: `x${FAST_LETTERS}` }));
  await expect(page.getByText(/Payload JSON:/)).toHaveCount(0);
});

test('fast typing in the Decode payload editor rebuilds the token with every key in place', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openToken(page, hs256(defaultPayload(), 'k'));
  await waitForMonaco(page, 'payload-editor');
  await typeFastInPayloadEditor(page, FAST_LETTERS);
  await expect.poll(() => tokenBoxPayload(page)).toBe(JSON.stringify({ sub: `x${FAST_LETTERS}` }));
});

/** Encode view with Monaco in the payload editor holding `text` (pasted), the caret at its end. */
async function encodePayloadEditorWith(page: Page, text: string): Promise<void> {
  await page.goto('/#mode=encode');
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.getByTestId('key-input').fill('an HMAC secret that is comfortably longer than 32 bytes');
  await waitForMonaco(page, 'payload-editor');
  await page.getByTestId('payload-editor').locator('.view-lines').click();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expectEditorText(page, 'payload-editor', text.split('\n')[0] ?? '');
}

/** The payload of the signed token in `token-output`, as text. */
async function outputPayload(page: Page): Promise<string> {
  const token = (await page.getByTestId('token-output').innerText()).trim();
  return Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
}

test.describe('the editing features a JSON editor keeps', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('Format Document pretty-prints, and folding (Ctrl+Shift+[) collapses the object', async ({ page }) => {
    const guard = guardPage(page);
    await encodePayloadEditorWith(page, '{"sub":"x","nested":{"a":1,"b":[1,2]}}');
    const lines = page.getByTestId('payload-editor').locator('.view-line');
    await expect(lines).toHaveCount(1);
    // From the context menu: the key differs by platform (Shift+Alt+F, Ctrl+Shift+I on Linux).
    await page.getByTestId('payload-editor').locator('.view-lines').click({ button: 'right' });
    // Monaco ignores a mouse-up in the first 100 ms after its menu opens (against accidental clicks), and a
    // script can click sooner than a hand: an ignored click leaves the menu open, so click again until it lands.
    const formatItem = page.locator('.monaco-menu').getByText('Format Document');
    await expect(async () => {
      if (await formatItem.isVisible()) await formatItem.click({ delay: 50, timeout: 2_000 });
      await expect(lines).toHaveCount(10, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    // The same from the keyboard (Linux's binding; Shift+Alt+F elsewhere) after undoing the first.
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(lines).toHaveCount(1);
    await page.keyboard.press(process.platform === 'linux' ? 'Control+Shift+I' : 'Shift+Alt+F');
    await expect(lines).toHaveCount(10);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ControlOrMeta+Shift+BracketLeft');
    // Folded: the opening line (with its "…" marker) and the closing brace.
    await expect(lines).toHaveCount(2);
    await expect(page.getByTestId('payload-editor').locator('.inline-folded')).toHaveCount(1);
    expect(JSON.parse(await outputPayload(page))).toEqual({ sub: 'x', nested: { a: 1, b: [1, 2] } });
    guard.check();
  });

  test('the context menu is drawn opaque in both themes, though it sits outside the editor', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"sub":"x"}');
    for (const theme of ['light', 'dark'] as const) {
      await page.getByTestId(`theme-${theme}`).click();
      const text = page.getByTestId('payload-editor').locator('.view-lines');
      await text.click();
      // Playwright's CSS locators pierce the menu's shadow root; the menu's surface is the scrollable element around it.
      const surface = page.locator('.monaco-menu-container > .monaco-scrollable-element');
      await expect(async () => {
        await text.click({ button: 'right' });
        await expect(surface).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      const menu = await surface.evaluate((element) => getComputedStyle(element).backgroundColor);
      // See-through before: the theme's colours were set only inside the editor, and the menu is its sibling.
      const [r, g, b, a = 1] = (menu.match(/[\d.]+/g) ?? []).map(Number);
      expect(a, menu).toBe(1);
      const light = (r! + g! + b!) / 3 > 128;
      expect(light, `${theme} theme, menu ${menu}`).toBe(theme === 'light');
      await page.keyboard.press('Escape');
      await expect(surface).toBeHidden();
    }
  });

  test('every colour of the JSON text keeps AA contrast in both themes, brackets at every depth included', async ({
    page,
  }) => {
    // Four levels of brackets (Monaco colours them by depth, three colours) and an unmatched one (red): the light
    // theme's second colour was 3.9:1 on white, the red 3.5:1 and 3.2:1.
    await encodePayloadEditorWith(page, '{"a":{"b":[{"c":[1,true,null,"s"]}]},"n":-1.5}]');
    for (const theme of ['light', 'dark'] as const) {
      await page.getByTestId(`theme-${theme}`).click();
      const editor = page.getByTestId('payload-editor').locator('.monaco-editor');
      await expect(editor).toHaveClass(theme === 'light' ? /\bvs\b/ : /\bvs-dark\b/);
      const low = await editor.evaluate((root) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        // A colour with alpha (the unmatched bracket's red) is measured as drawn: over the editor's background.
        const backgroundColour = getComputedStyle(root.querySelector('.monaco-editor-background')!).backgroundColor;
        const luminance = (color: string) => {
          ctx.fillStyle = backgroundColour;
          ctx.fillRect(0, 0, 1, 1);
          ctx.fillStyle = color;
          ctx.fillRect(0, 0, 1, 1);
          const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
          const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const background = luminance(backgroundColour);
        const spans = [...root.querySelectorAll('.view-line span span')].filter((s) => s.textContent!.trim() !== '');
        const colours = new Map(spans.map((s) => [getComputedStyle(s).color, s.textContent!]));
        return [...colours]
          .map(([colour, text]) => {
            const [light, dark] = [luminance(colour), background].sort((a, b) => b - a) as [number, number];
            return { colour, text, ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 };
          })
          .filter((row) => row.ratio < 4.5);
      });
      expect(low, `${theme} theme`).toEqual([]);
    }
  });

  test('Find (Ctrl+F) opens the find widget and marks every match', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"sub":"abc","name":"abc","role":"abc"}');
    await page.keyboard.press('ControlOrMeta+F');
    const widget = page.getByTestId('payload-editor').locator('.find-widget');
    await expect(widget).toHaveClass(/visible/);
    await page.keyboard.type('abc');
    await expect(widget.locator('.matchesCount')).toHaveText(/of 3/);
    await expect(page.getByTestId('payload-editor').locator('.findMatch')).not.toHaveCount(0);
  });

  test('bracket matching marks the partner brace; hovering an error shows its message', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"sub": "x",, "n": [1, 2]}');
    await page.keyboard.press('ControlOrMeta+Home');
    await expect(page.getByTestId('payload-editor').locator('.bracket-match')).toHaveCount(2);
    const squiggle = page.getByTestId('payload-editor').locator('.squiggly-error').first();
    await expect(squiggle).toBeVisible({ timeout: 15_000 });
    // The mouse, not hover(): Monaco's text layer lies over the squiggle (Playwright calls that intercepted).
    const box = await squiggle.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await expect(page.locator('.monaco-hover:not(.hidden)').first()).toContainText(/expected|Property/i);
  });

  test('suggestions (Ctrl+Space) and the context menu open', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"sub":"x"}');
    await page.keyboard.press('ControlOrMeta+Space');
    await expect(page.getByTestId('payload-editor').locator('.suggest-widget')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByTestId('payload-editor').locator('.view-lines').click({ button: 'right' });
    const menu = page.locator('.monaco-menu');
    await expect(menu).toBeVisible();
    await expect(menu).toContainText('Copy');
  });

  test('multicursor (Ctrl+D), line and word operations edit the payload', async ({ page }) => {
    await encodePayloadEditorWith(page, '{\n"a":"old",\n"b":"old",\n"gone":1,\n"c":"keep me"\n}');
    await expect.poll(() => outputPayload(page)).toContain('"gone":1');
    // Ctrl+D twice: both "old" selected; typing replaces both.
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ControlOrMeta+D');
    await page.keyboard.press('ControlOrMeta+D');
    await page.keyboard.type('new');
    await page.keyboard.press('Escape');
    // Ctrl+Shift+K deletes the line the caret is on ("gone", the fourth).
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ControlOrMeta+Shift+K');
    // Ctrl+Backspace deletes the word before the caret ("me" of "keep me").
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ControlOrMeta+Backspace');
    await expect.poll(() => outputPayload(page)).toBe('{"a":"new","b":"new","c":"keep "}');
  });
});

// The cut Monaco (config/monaco.ts) keeps what these rely on: the grapheme-break table (stored compactly),
// the hover's rendering of the JSON language's schema descriptions (without Markdown's parser), and the
// worker's answers to the kept features.
test.describe('what the cut Monaco still does', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('the caret steps over an emoji with a skin tone as one character', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"e":"👍🏽"}');
    await page.keyboard.press('ControlOrMeta+End');
    // Past "}" and the closing quote, then over "👍🏽" (two code points, one grapheme) in one step.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    await expect.poll(() => outputPayload(page)).toBe('{"e":"x👍🏽"}');
  });

  test("a schema keyword's hover shows its description as text (escapes undone, no Markdown source)", async ({
    page,
  }) => {
    await encodePayloadEditorWith(page, '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}');
    const keyword = page.getByTestId('payload-editor').locator('.view-line span', { hasText: /^"type"$/ });
    const box = await keyword.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await expect(hover).toContainText('basic schema types (number, integer, null, array, object, boolean, string)');
    await expect(hover).not.toContainText('\\');
    await expect(hover.locator('p')).not.toHaveCount(0);
  });

  test('word suggestions come from the worker, and Format Document uses its minimal edits', async ({ page }) => {
    await encodePayloadEditorWith(page, '{"alphabet":"a","beta":"alp"}');
    // After "alp": the worker's words of the document, alphabet among them.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ControlOrMeta+Space');
    const suggest = page.getByTestId('payload-editor').locator('.suggest-widget');
    await expect(suggest).toContainText('alphabet');
    await page.keyboard.press('Escape');
    await page.keyboard.press(process.platform === 'linux' ? 'Control+Shift+I' : 'Shift+Alt+F');
    await expect(page.getByTestId('payload-editor').locator('.view-line')).toHaveCount(4);
  });
});
