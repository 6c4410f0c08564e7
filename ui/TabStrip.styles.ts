// The tab strip's styles (TabStrip.tsx): Fluent's small horizontal Tab, transparent appearance. A *.styles.ts module:
// the panes' builds compute it ahead of time (scripts/griffel-aot.ts), so it imports only Fluent and exports only
// makeStyles hooks.
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useTabStripStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'stretch' },
  tab: {
    position: 'relative',
    display: 'grid',
    alignItems: 'center',
    justifyContent: 'center',
    gridAutoFlow: 'column',
    gridTemplateColumns: 'auto',
    gridTemplateRows: 'auto',
    flexShrink: 0,
    columnGap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    overflow: 'hidden',
    outlineStyle: 'none',
    textTransform: 'none',
    color: tokens.colorNeutralForeground2,
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': { backgroundColor: tokens.colorTransparentBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    // The line under a tab: transparent, neutral while hovered, brand-coloured under the open tab.
    '::after': {
      content: '""',
      position: 'absolute',
      bottom: 0,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active::after': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    ':focus-visible': { zIndex: 1, boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}` },
    '@media (forced-colors: active)': { ':hover::after': { backgroundColor: 'Highlight' } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::after': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'ButtonText' }, ':hover::after': { backgroundColor: 'ButtonText' } },
  },
  content: { ...typographyStyles.body1, gridColumnStart: 1, gridRowStart: 1, overflow: 'hidden', padding: `${tokens.spacingVerticalNone} ${tokens.spacingHorizontalXXS}`, color: 'inherit' },
  contentSelected: { ...typographyStyles.body1Strong },
  // The label in bold, invisible, in the same cell: a tab is as wide open as closed, so the row never shifts.
  reserved: { visibility: 'hidden' },
});
