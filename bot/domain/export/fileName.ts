/**
 * An export's file name: "Practice Audit - <team> - round 3.docx". The team's name is kept as
 * people wrote it (accents, other scripts), less what a file system or a download would choke
 * on: Windows' reserved characters `< > : " / \ | ? *`, control and format characters (a
 * right-to-left override could make "…cod.exe" look like "…exe.doc"), unassigned and private-use
 * code points; runs of white space become one space, and it is cut to 80 characters. The fixed
 * start means the name can never be a reserved device name (CON, NUL…) or start with a dot.
 * HTTP sends it as RFC 6266's `filename*` (UTF-8), with `asciiFileName` as the `filename` fallback.
 */
const UNSAFE = /[<>:"/\\|?*\p{C}]/gu;
const MAX_TEAM_NAME = 80;

export type ExportExtension = 'csv' | 'xlsx' | 'docx';

export function reportFileName(teamName: string, roundNumber: number, extension: ExportExtension): string {
  return `Practice Audit - ${teamPart(teamName)}round ${Math.trunc(roundNumber)}.${extension}`;
}

/** The organisation's view of a service-wide round (issue 13): "Practice Audit - organisation - service-wide round 2.xlsx". */
export function serviceRoundFileName(serviceRoundNumber: number, extension: ExportExtension): string {
  return `Practice Audit - organisation - service-wide round ${Math.trunc(serviceRoundNumber)}.${extension}`;
}

/** The team's activity log as a file (issue 12): "Practice Audit - <team> - activity log.csv", the team's name as reportFileName keeps it. */
export function activityLogFileName(teamName: string): string {
  return `Practice Audit - ${teamPart(teamName)}activity log.csv`;
}

function teamPart(teamName: string): string {
  const team = Array.from(teamName.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim())
    .slice(0, MAX_TEAM_NAME).join('')
    .replace(/[\s.]+$/u, '');
  return team ? `${team} - ` : '';
}

/**
 * The name in printable ASCII, for clients that do not read `filename*`: accents dropped
 * ("Café" → "Cafe"), any other character outside ASCII replaced by "-", and `%` (which some
 * clients decode) too. RFC 6266 section 4.3 advises exactly such a fallback.
 */
export function asciiFileName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7E]+/g, '-').replace(/[%"\\]/g, '-');
}
