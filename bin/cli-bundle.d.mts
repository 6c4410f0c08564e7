// Types for bin/cli-bundle.mjs (plain JavaScript so bin/dh.mjs can run it without tsx).
import type * as esbuild from 'esbuild';

export declare const BUNDLE_DIR: string;
export declare const MANIFEST_FILE: string;
export declare const ENTRY_FILE: string;

export type BundleState = { readonly fresh: true; readonly entry: string } | { readonly fresh: false; readonly reason: string };
export declare function bundleState(root: string): BundleState;

export interface BuiltBundle {
  readonly entry: string;
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  readonly inputs: number;
  readonly ms: number;
  /** esbuild's account of the build: each output file with its inputs and imports (paths relative to root). */
  readonly metafile: esbuild.Metafile;
}
export declare function buildCliBundle(root: string, options?: { readonly esbuild?: typeof esbuild }): Promise<BuiltBundle>;
