/**
 * The page's entry: its styles, then the app once the prerendered page has painted. Before that
 * paint the page requests nothing but its HTML, this small file (it imports only Vite's preload
 * helper, a chunk of its own: see vite.config.ts) and the stylesheet; the app's chunks are
 * requested together once the browser reports the paint. Requests made earlier would compete with
 * the stylesheet on a slow connection and delay the first paint (Lighthouse's mobile estimate counts
 * every one of them); the price is that there React takes the page over about one round trip later.
 */
import "@/web/styles.css";

/**
 * Resolves when the browser reports the page's first contentful paint (its time on screen, which
 * comes after the frame's own work), or after a second without one: a tab opened in the background
 * paints nothing until it is shown, and its app should be ready by then.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName("first-contentful-paint").length > 0) {
      resolve();
      return;
    }
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length > 0) done();
    });
    observer.observe({ type: "paint", buffered: true });
    const timer = setTimeout(done, 1000);
  });
}

/** The frame after this one: enough where the page has nothing of its own to paint. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Where answers are saved or someone signed in here, public/prerender-guard.js has hidden the
// prerendered page: there is nothing to paint before the app, which should come at once.
await (document.documentElement.classList.contains("saved-here") ? nextFrame() : afterFirstPaint());
await import("./main");
