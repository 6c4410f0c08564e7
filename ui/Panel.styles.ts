// The panel frame's styles (Panel.tsx). A *.styles.ts module: the panes' builds compute it ahead of time
// (scripts/griffel-aot.ts), so it imports only Fluent and exports only makeStyles hooks.
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePanelStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    // Long table names and cell addresses break instead of widening a 300 px sidebar.
    overflowWrap: 'break-word',
  },
  follow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  followText: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
