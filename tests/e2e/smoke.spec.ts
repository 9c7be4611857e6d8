import { test, expect } from './fixtures';

test('the page loads and names itself', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('JWT Workbench');
});
