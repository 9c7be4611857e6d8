// A template knows how its API wants the token (raw `Authorization: <token>` or Bearer). It remembers that
// as the snippet preference (so a Send-it box mounted later starts with it) and tells a mounted box
// through the store (`snippetAuthRequest`, a fresh object each time so a repeated request still counts).
import type { SnippetAuthStyle } from '../../core';
import { appStore } from '../../state';
import { loadSnippetPreferences, saveSnippetPreferences } from '../../state/preferences';

export function requestSnippetAuthStyle(style: SnippetAuthStyle): void {
  saveSnippetPreferences({ ...loadSnippetPreferences(), authStyle: style });
  appStore.setState({ snippetAuthRequest: { style } });
}
