// monaco-editor ships no type declarations for its language contributions; they only register
// themselves with the editor as a side effect.
declare module 'monaco-editor/language/json/monaco.contribution';
declare module 'monaco-editor/languages/features/json/jsonMode';
declare module 'monaco-editor/platform/instantiation/common/instantiation' {
  export function createDecorator<T>(serviceId: string): { (...args: unknown[]): void; readonly type?: T };
}
declare module 'monaco-editor/base/common/codiconsUtil' {
  export function register(id: string, fontCharacter: number | string): { id: string };
}
declare module 'monaco-editor/editor/browser/view/viewPart' {
  export class ViewPart {
    constructor(context: unknown);
    dispose(): void;
  }
}
declare module 'monaco-editor/base/browser/fastDomNode' {
  export type FastDomNode = { readonly domNode: HTMLElement; setClassName(name: string): void };
  export function createFastDomNode(domNode: HTMLElement): FastDomNode;
}
declare module 'monaco-editor/base/common/uri' {
  export const URI: unknown;
}
/** The URL of Monaco's built chunk (config/chunk-url.ts); null in the single-file build and on the dev server. */
declare module 'virtual:monaco-chunk-url' {
  const url: string | null;
  export default url;
}
