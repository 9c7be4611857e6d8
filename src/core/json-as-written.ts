// Parsed token parts printed back as written: numbers JSON.parse could not hold (1e309 → Infinity) keep their text.
export { rawNumberText, stringifyAsWritten } from './lib/json-raw-numbers';
