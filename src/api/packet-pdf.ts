import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { packetPdfBlocks, type PacketBlock, type PacketPdfInput } from './packet-pdf-content';

export { packetLabelsOf, packetRuleIds, generatedAtLine, type PacketPdfInput } from './packet-pdf-content';

/**
 * R-PACKET: the diversion packet as a PDF (pdfkit). Its words are ./packet-pdf-content.ts's; this only
 * lays them out. The text is set in DejaVu Sans, embedded (subset), so that names in any Latin, Greek
 * or Cyrillic script print as entered — the PDF standard fonts would garble "Nguyễn".
 */

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 56;
const LABEL_WIDTH = 170;
const GAP = 12;
const LINE_GAP = 1.5;

type Font = 'regular' | 'bold';
/** How each kind of block is set: font, size, space before and after (in lines), and a heading's keep-with-next. */
const STYLES: Record<'title' | 'heading' | 'text', { font: Font; size: number; before: number; after: number }> = {
  title: { font: 'bold', size: 16, before: 0, after: 0.6 },
  heading: { font: 'bold', size: 12, before: 0.5, after: 0.2 },
  text: { font: 'regular', size: 10, before: 0, after: 0.5 },
};

/** The packet as PDF bytes: the cover sheet on page 1, the packet after it, each page footed with the case id. */
export function renderPacketPdf(input: PacketPdfInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    // The document's own metadata names the case only, never the person.
    info: {
      Title: `${input.programName} diversion packet ${input.packet.caseId}`,
      Subject: 'R-PACKET',
      CreationDate: input.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const top = MARGIN;
  const bottom = doc.page.height - MARGIN;
  let y = top;
  const newPage = () => {
    doc.addPage();
    y = top;
  };

  /**
   * `text` as lines that fit `lineWidth` in a font, broken at spaces only (pdfkit's own wrapping would
   * also break after a hyphen, splitting "R-" from "INTAKE"); a word wider than a line is cut.
   */
  function linesOf(text: string, lineWidth: number, font: Font, size: number): string[] {
    doc.font(font).fontSize(size);
    const fits = (s: string) => doc.widthOfString(s) <= lineWidth;
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line: string | undefined;
      for (let word of paragraph.split(' ')) {
        if (line !== undefined && fits(`${line} ${word}`)) {
          line = `${line} ${word}`;
          continue;
        }
        if (line !== undefined) lines.push(line);
        while (!fits(word) && word.length > 1) {
          let cut = word.length - 1;
          while (cut > 1 && !fits(word.slice(0, cut))) cut--;
          lines.push(word.slice(0, cut));
          word = word.slice(cut);
        }
        line = word;
      }
      lines.push(line ?? '');
    }
    return lines;
  }

  const lineHeight = (font: Font, size: number) => doc.font(font).fontSize(size).currentLineHeight(true) + LINE_GAP;

  /**
   * Columns side by side, line by line: a block that fits on a page is never split (a new page is
   * started when it does not fit on this one); a longer one runs on, its label on the first page.
   */
  function columns(parts: Array<{ x: number; lines: string[]; font: Font; size: number }>, keepWithNext = 0) {
    const rows = Math.max(...parts.map((p) => p.lines.length));
    const step = Math.max(...parts.map((p) => lineHeight(p.font, p.size)));
    if (y + rows * step + keepWithNext > bottom && y > top && rows * step + keepWithNext <= bottom - top) newPage();
    for (let i = 0; i < rows; i++) {
      if (y + step > bottom) newPage();
      for (const part of parts) {
        const line = part.lines[i];
        if (line) doc.font(part.font).fontSize(part.size).text(line, part.x, y, { lineBreak: false });
      }
      y += step;
    }
  }

  function draw(block: PacketBlock) {
    if (block.kind === 'page-break') return newPage();
    if (block.kind === 'row') {
      const valueX = left + LABEL_WIDTH + GAP;
      columns([
        { x: left, lines: linesOf(block.label, LABEL_WIDTH, 'bold', 10), font: 'bold', size: 10 },
        { x: valueX, lines: linesOf(block.value, left + width - valueX, 'regular', 10), font: 'regular', size: 10 },
      ]);
      y += 2;
      return;
    }
    const style = STYLES[block.kind];
    const step = lineHeight(style.font, style.size);
    if (y > top) y += style.before * step;
    // A heading stays with the first lines of what follows it.
    const keep = block.kind === 'heading' ? 2 * lineHeight('regular', 10) : 0;
    columns([{ x: left, lines: linesOf(block.text, width, style.font, style.size), ...style }], keep);
    y += style.after * step;
  }

  for (const block of packetPdfBlocks(input)) draw(block);

  // Every page: which case, which page — a loose page can be put back.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const footer = `${input.packet.caseId} · R-PACKET · page ${i - start + 1} of ${count}`;
    doc.font('regular').fontSize(8);
    doc.text(footer, left + (width - doc.widthOfString(footer)) / 2, bottom + 18, { lineBreak: false });
  }
  doc.end();
  return finished;
}
