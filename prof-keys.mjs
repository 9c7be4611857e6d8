import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './config/chromium.mjs';
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
const b64url = (v) => Buffer.from(v).toString('base64url');
const keys = []; let signer;
for (let i = 0; i < 10000; i++) { const p = generateKeyPairSync('ec', { namedCurve: 'P-256' }); const kid = 'key-' + i;
  keys.push({ ...p.publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }); if (i === 5000) signer = { kid, privateKey: p.privateKey }; }
const text = JSON.stringify({ keys }, null, 2);
const input = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: signer.kid }))}.${b64url('{"sub":"x"}')}`;
const token = `${input}.${b64url(nodeSign('sha256', Buffer.from(input), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' }))}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4199/');
await page.getByTestId('token-input').fill(token);
await page.getByTestId('payload-editor').hover();
await page.waitForSelector('[data-testid=payload-editor][data-editor=monaco]');
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
const ms = await page.evaluate((text) => new Promise((resolve) => {
  const el = document.querySelector('[data-testid=key-input]');
  const t0 = performance.now();
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(el, text);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const poll = () => document.querySelector('[data-testid=signature-status]')?.getAttribute('data-state') === 'verified' ? resolve(performance.now() - t0) : setTimeout(poll, 10);
  poll();
}), text).catch(e => e.message);
const { profile } = await cdp.send('Profiler.stop');
console.log('paste→verified', ms);
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + us); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close();
