// A template knows how its API wants the token (raw `Authorization: <token>` or Bearer): it sets that as the
// Send-it request's auth style, which is also remembered for the next visit.
import type { SnippetAuthStyle } from '../../core';
import { actions } from '../../state';

export function requestSnippetAuthStyle(style: SnippetAuthStyle): void {
  actions.setSnippetRequest({ authStyle: style });
}
