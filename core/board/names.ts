// Names of board tables, apart from the builders in tables.ts: a view that only names a table (the Fordeling
// tab's «Sett inn DH_Fordeling_<år>») need not load every board table's code with it.

export const fordelingTableName = (year: number) => `DH_Fordeling_${year}`;
