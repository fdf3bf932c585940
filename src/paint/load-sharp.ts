import { createRequire } from 'node:module';
import type SharpModule from 'sharp';

/**
 * sharp is a native addon, loaded only by the commands that make images. It is
 * required rather than imported because a startup snapshot has no import().
 */
export function loadSharp(): typeof SharpModule {
  return createRequire(import.meta.url)('sharp') as typeof SharpModule;
}
