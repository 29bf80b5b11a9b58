import { organisationAboutLines, organisationTableLines, type OrganisationExport } from '../../../domain/export/organisationExport';
import { addAboutSheet, addTableSheet, newWorkbook } from '../../tab/export/xlsxFile';

/**
 * The organisation view as a workbook: one sheet per table (the grid by level, the teams' scores,
 * coverage, response rates, changes, plans), each laid out as a team's export is (xlsxFile.ts:
 * header row frozen and repeated when printed, numbers in their formats, text made safe, never a
 * formula), then "About": the round's details and what the privacy rule means.
 */
export async function organisationXlsx(file: OrganisationExport): Promise<Buffer> {
  const workbook = await newWorkbook();
  const header = { name: 'Organisation', round: `service-wide round ${file.serviceRoundNumber}` };
  for (const table of file.tables) addTableSheet(workbook, table.sheetName, table.columns, organisationTableLines(table), header);
  addAboutSheet(workbook, organisationAboutLines(file));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
