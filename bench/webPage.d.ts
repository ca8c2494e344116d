// What bench/web.mjs marks in the page it measures.
interface Window {
  /** When the first row of the issue list was in the DOM, in the page's own clock. */
  __firstRowAt?: number;
}
