/** The one palette of every chart (each colour at least 3:1 against white, from the theme's shades). */
export const CHART_COLORS = {
  /** pot.7 */
  teal: '#0f7c76',
  /** orange.9 */
  orange: '#d9480f',
  /** indigo.7 */
  indigo: '#4263eb',
  /** gray.7 */
  gray: '#495057',
  /** red.8 */
  red: '#e03131',
} as const;
