// The page's script (app.js): the form (app.ts) and, once loaded, the offline copy.
import './app.js';
import { keepForOffline } from './offline.js';

addEventListener('load', keepForOffline);
