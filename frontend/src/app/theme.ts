/** One visual language: a calm teal, system fonts, and colours dark enough for WCAG AA contrast. */
import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

const pot: MantineColorsTuple = [
  '#e7f5f4',
  '#cfe9e7',
  '#9fd3cf',
  '#6cbcb6',
  '#43a8a1',
  '#2a9a93',
  '#1a8a84',
  '#0f7c76',
  '#0b6e6e',
  '#075757',
];

/**
 * Light and subtle variants (badges, alerts, ghost buttons) write coloured text on a pale tint; Mantine's
 * shades 6–8 fall under 4.5:1 there (yellow badly so). Text takes the darkest shade, darkened further
 * for the warm colours.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle') return defaults;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!palette) return defaults;
  const warm = ['yellow', 'orange', 'lime'].includes(parsed.color);
  return { ...defaults, color: darken(palette[9], warm ? 0.5 : 0.15) };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'pot',
  colors: { pot },
  // Shade 8 keeps white text on filled buttons (and coloured text on white) above 4.5:1.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  // People who ask their system for less motion get no sliding menus or fading dialogs.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { fw: 600 } },
    Paper: { defaultProps: { withBorder: true, radius: 'md', p: 'lg' } },
    Modal: { defaultProps: { centered: true } },
  },
});

/** Mantine's default dimmed (gray 6), error (red 6) and placeholder colours fail contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-pot-8)',
  },
  dark: {},
});
