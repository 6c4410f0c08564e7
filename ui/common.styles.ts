// Styles every view shares (common.tsx re-exports the hook). A *.styles.ts module: the panes' builds compute it
// ahead of time (scripts/griffel-aot.ts), so it imports only Fluent and exports only makeStyles hooks.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useCommonStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  /**
   * One entry of a long list (findings, shared systems): the browser lays out and paints only the entries near the
   * visible part of the panel. A 100 000-row register's result is hundreds of entries; laying them all out when it
   * appears was the longest task left on the panel's thread (a Chromium trace: 25–85 ms of layout).
   */
  longListItem: { contentVisibility: 'auto', containIntrinsicSize: 'auto 64px' },
  findingButton: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  findingStatic: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  address: { display: 'block', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  /** A compact list (KeyFigureList): each row's key figure stays visible at 300 px, details wrap below. */
  keyList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  keyHead: {
    display: 'flex',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  keyItem: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBlock: tokens.spacingVerticalXS, minWidth: 0 },
  keyTotal: { borderBottom: 'none', fontWeight: tokens.fontWeightSemibold },
  keyLine: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  keyTitle: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  keyFigure: { flex: 'none', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  keyDetail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  textarea: { width: '100%', minHeight: '8em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  periodInput: { width: '7em', font: 'inherit', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});
