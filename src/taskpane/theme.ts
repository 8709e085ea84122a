/**
 * Light or dark Fluent theme: Office's own theme inside Excel, the system preference otherwise.
 * Excel has no theme-changed event for task panes, so the Office theme is read once at startup.
 */
import { useEffect, useState } from 'react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { RunMode } from './officeRuntime';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Relative luminance (0 black … 1 white) of a '#rrggbb' colour; undefined if unparsable. */
export function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark or not per Office's theme; undefined when Office does not expose one (e.g. older hosts). */
export function officeThemeIsDark(): boolean | undefined {
  const theme = (globalThis as { Office?: typeof Office }).Office?.context?.officeTheme;
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const background = luminance(theme.bodyBackgroundColor ?? '');
  return background === undefined ? undefined : background < 0.2;
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** The Fluent theme for this run mode; follows live system changes when not inside Office. */
export function useHostTheme(mode: RunMode): Theme {
  const [dark, setDark] = useState(() => (mode === 'excel' ? officeThemeIsDark() : undefined) ?? systemPrefersDark());
  useEffect(() => {
    if (mode === 'excel' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [mode]);
  return dark ? webDarkTheme : webLightTheme;
}
