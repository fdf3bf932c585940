// The page keeps working with no network once it has been opened: a service
// worker (sw.js) keeps its files. Not where service workers are not allowed
// (a page opened from file://): there the files are on the disk already.
export function keepForOffline(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
