// Opt-in key saving: keys live in memory unless the user presses Save; a saved key is listed
// under "Stored in this browser", survives a reload (also offline), loads back, and Delete removes it.
import { expect, test, type Page } from './fixtures';
import { ecKeyPair } from './helpers';

const STORAGE_KEY = 'jwt-workbench:saved-keys';
const pem = ecKeyPair().privatePem;

async function storedText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }));
}

test('a key is stored only when Save is pressed, reloads from the list, and Delete removes it', async ({ page }) => {
  await page.goto('/#mode=encode');
  await page.getByTestId('key-input').fill(pem);
  await page.getByTestId('alg-select').selectOption('ES256');
  await expect(page.getByTestId('token-output')).toHaveAttribute('data-state', 'done');
  // Typed and used for signing, yet not written anywhere.
  expect(await storedText(page)).not.toContain('PRIVATE KEY');
  await expect(page.getByTestId('saved-key')).toHaveCount(0);

  await expect(page.getByTestId('saved-keys')).toContainText('Stored in this browser');
  // The note under the key box must not promise "never stored" right above the opt-in store.
  const note = page.locator('#key-privacy');
  await expect(note).toContainText('unless you save it below');
  await expect(note).not.toContainText('never stored');
  await page.getByTestId('key-save-label').fill('staging signer');
  await page.getByTestId('key-save').click();
  await expect(page.getByTestId('saved-key')).toHaveCount(1);
  await expect(page.getByTestId('saved-key')).toHaveAttribute('data-label', 'staging signer');
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toContain('PRIVATE KEY');

  // A reload clears the key box (memory) but the saved key is listed and loads back.
  await page.reload();
  await expect(page.getByTestId('key-input')).toHaveValue('');
  await page.getByTestId('saved-key-load').click();
  await expect(page.getByTestId('key-input')).toHaveValue(pem);
  await expect(page.getByTestId('key-kind')).toHaveAttribute('data-kind', 'key');

  await page.getByTestId('saved-key-delete').click();
  await expect(page.getByTestId('saved-key')).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBeNull();
  expect(await storedText(page)).not.toContain('PRIVATE KEY');
});

test('saved keys are there after an offline reload', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('key-input').fill('a-saved-hmac-secret-of-32-bytes!!');
  await page.getByTestId('key-save').click();
  await expect(page.getByTestId('saved-key')).toHaveCount(1);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('saved-key-load').click();
  await expect(page.getByTestId('key-input')).toHaveValue('a-saved-hmac-secret-of-32-bytes!!');
});
