// Stands in for platform/node.ts in the browser build: the page sets its own platform first.
import type { Platform } from '../platform/platform.js';

export function nodePlatform(): Platform {
  throw new Error('vneid-print: no platform was set (the page sets one before anything is drawn)');
}
