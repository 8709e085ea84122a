/**
 * jsdom lacks a few browser APIs the task pane and Fluent's charts use. Minimal stand-ins, imported
 * first by every task pane test (kept out of jest.config.js on purpose).
 */

import { TextDecoder, TextEncoder } from 'node:util';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as unknown as Record<string, unknown>;
if (!scope.ResizeObserver) scope.ResizeObserver = ResizeObserverStub;
// jsdom's window has no TextEncoder/TextDecoder; the xlsx adapter decodes sheet XML with them.
if (!scope.TextDecoder) scope.TextDecoder = TextDecoder;
if (!scope.TextEncoder) scope.TextEncoder = TextEncoder;

if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener() {},
        removeEventListener() {},
        addListener() {},
        removeListener() {},
        dispatchEvent: () => false,
      }) as unknown as MediaQueryList;
  }
  // Charts measure label widths on a canvas; jsdom has none. ~6 px per character is close enough.
  HTMLCanvasElement.prototype.getContext = function getContext() {
    return { font: '', measureText: (text: string) => ({ width: text.length * 6 }) } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
  // jsdom has no layout, so offsetParent is always null and Tabster (Fluent's keyboard handling)
  // takes every element for display:none and skips it on Tab. Null only where CSS hides it.
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      for (let element: HTMLElement | null = this; element; element = element.parentElement) {
        if (window.getComputedStyle(element).display === 'none') return null;
      }
      return this.parentElement;
    },
  });
  // SVG text measuring used by the charts' axis label wrapping.
  const svg = SVGElement.prototype as unknown as Record<string, unknown>;
  if (!svg.getComputedTextLength) svg.getComputedTextLength = function getComputedTextLength(this: SVGElement) {
    return (this.textContent ?? '').length * 6;
  };
  if (!svg.getBBox) svg.getBBox = function getBBox(this: SVGElement) {
    return { x: 0, y: 0, width: (this.textContent ?? '').length * 6, height: 12 };
  };
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
}

export {};
