// The host's choice, not the widget's: register the demo's service worker.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('service worker not registered:', error));
}
