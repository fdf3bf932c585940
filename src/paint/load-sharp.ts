import type SharpModule from 'sharp';

let sharp: Promise<typeof SharpModule> | undefined;

/** sharp is a native addon, loaded only by the commands that make images, the first time one does. */
export function loadSharp(): Promise<typeof SharpModule> {
  return (sharp ??= import('sharp').then((m) => m.default));
}
