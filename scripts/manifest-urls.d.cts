// Types for manifest-urls.cjs (plain CommonJS so webpack.config.js can require it without a build step).
export declare const DEV_BASE_URL: 'https://localhost:3000/';
export declare const BASE_URL_ENV: 'SPP_ADDIN_BASE_URL';
export declare function parseBaseUrl(value: string): string;
export declare function resolveBaseUrl(env?: Record<string, string | undefined>): { baseUrl: string; warning: string | undefined };
export declare function rewriteManifestUrls(manifestXml: string, baseUrl: string): string;
