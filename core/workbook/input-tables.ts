// The names of the workbook's input tables, apart from their parser (from-tables.ts), so a host can list and
// watch them without loading the parser (the task pane loads it when a workbook has such tables).

/**
 * Input tables that only feed the kommunes' balance (DH.BALANSE, DH_Balanse): they never change the key, so a host
 * reads them beside DH_Kommuner / DH_Nokkel / DH_Prosjekter without making the dataset the workbook's own.
 */
export const BALANCE_INPUT_TABLES = ['DH_Gevinst', 'DH_Tilskudd'] as const;
