/** A code as words for people: `NO_CLINICAL_BENEFIT` → "No clinical benefit". */
export const humanize = (code: string) =>
  code
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());
