// Types for functions-metadata.cjs (plain CommonJS so webpack.config.js can require it without a build step).
import type { Compiler } from 'webpack';
export declare const FUNCTION_SOURCES: readonly string[];
export declare const METADATA_FILE: 'functions.json';
export declare function generateFunctionsMetadata(root?: string): Promise<string>;
export declare class FunctionsMetadataPlugin {
  apply(compiler: Compiler): void;
}
