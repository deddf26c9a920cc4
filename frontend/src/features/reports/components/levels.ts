import { LEVELS } from '../../../lib/reference/reference';

/** The report's columns: the five levels, lowest first, then the cities not assessed. */
export const REPORT_LEVELS = [...LEVELS, 'NOT_ASSESSED'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

type Colour = { fill: string; stroke: string };

/** Used when the design tokens cannot be read (tests); the values of app.css at the time of writing. */
const FALLBACK: Record<ReportLevel, Colour> = {
  NOT_YET_ADDRESSED: { fill: '#e3e7ec', stroke: '#8a94a3' },
  BASIC: { fill: '#cfe3f6', stroke: '#5b8fc2' },
  AVERAGE: { fill: '#8fbde8', stroke: '#2f7fcf' },
  MORE_ADVANCED: { fill: '#1d65b0', stroke: '#0b4c8c' },
  STATE_OF_THE_ART: { fill: '#0b4c8c', stroke: '#062c52' },
  NOT_ASSESSED: { fill: '#ffffff', stroke: '#4a5360' },
};

/**
 * The fill of each level from app.css's --level-0..4 tokens (SVG presentation attributes cannot
 * use CSS variables, so they are read once), with an outline so pale segments stay visible on white.
 */
export function levelColours(): Record<ReportLevel, Colour> {
  const style = typeof window === 'undefined' ? undefined : window.getComputedStyle(document.documentElement);
  const colours = { ...FALLBACK };
  LEVELS.forEach((level, index) => {
    const token = style?.getPropertyValue(`--level-${index}`).trim();
    if (token) colours[level] = { ...FALLBACK[level], fill: token };
  });
  return colours;
}
