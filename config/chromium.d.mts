export declare const CHROMIUM_PATH: string;
export declare const OMNIBOX_WEBUI_FEATURES: string[];
export declare const CHROMIUM_ARGS: string[];
export declare function chromeLauncherFlags(launcherDefaultFlags: readonly string[]): string[];
