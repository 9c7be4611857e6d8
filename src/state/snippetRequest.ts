// The Send-it settings as the core's request: one conversion for the snippets and the negative-test script, so
// both send the same thing. GET and HEAD carry no body, whatever the body box still holds.
import type { SnippetRequest } from '../core/snippets';
import type { SnippetRequestSettings } from './appState';

export function bodyAllowed(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export function snippetRequestOf(settings: SnippetRequestSettings): SnippetRequest {
  return {
    url: settings.url,
    method: settings.method,
    auth:
      settings.authStyle === 'custom' ? { style: 'custom', scheme: settings.scheme } : { style: settings.authStyle },
    body: bodyAllowed(settings.method) ? settings.body : '',
  };
}
