/**
 * A PDF written as it is built: pages are made or copied with pdf-lib into one document, and every
 * object finished so far is written to the output and dropped from memory (`flush`), so a packet of
 * 150 MB of documents never sits whole in the server. Only the catalog, the page tree's root (a list
 * of page references) and the Info dictionary stay until `finish` writes them with the cross-reference
 * table. pdf-lib's own `save()` would serialise the whole document into one buffer at the end.
 */
import { PDFDocument, PDFName, PDFPage, PDFRawStream, PDFRef, type PDFObject, type PDFPageLeaf } from "pdf-lib";

/** Where the bytes go, in order (a file, in the packet route). */
export type PdfSink = (bytes: Uint8Array) => Promise<void>;

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1");

export class IncrementalPdf {
  private position = 0;
  private readonly offsets = new Map<number, number>();
  private readonly kept: ReadonlySet<PDFRef>;
  private readonly pagesRef: PDFRef;
  /** The pages in order: the page tree's kids, set at `finish` (its leaves are gone from memory by then). */
  private readonly pageRefs: PDFRef[] = [];

  private constructor(
    readonly doc: PDFDocument,
    private readonly sink: PdfSink,
  ) {
    const { trailerInfo } = doc.context;
    const pagesRef = doc.catalog.get(PDFName.of("Pages"));
    if (!(pagesRef instanceof PDFRef) || !(trailerInfo.Root instanceof PDFRef) || !(trailerInfo.Info instanceof PDFRef))
      throw new Error("a new pdf-lib document has a catalog, a page tree and an Info dictionary");
    this.pagesRef = pagesRef;
    this.kept = new Set([trailerInfo.Root, trailerInfo.Info, pagesRef]);
  }

  static async create(sink: PdfSink, title: string): Promise<IncrementalPdf> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(title);
    doc.setProducer("Hemgenix prior authorization");
    const pdf = new IncrementalPdf(doc, sink);
    // The binary comment tells transfer programs the file is binary (PDF 32000-1, 7.5.2).
    await pdf.write(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n\n"));
    return pdf;
  }

  /** Pages added so far. */
  get pages(): number {
    return this.pageRefs.length;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    await this.sink(bytes);
    this.position += bytes.length;
  }

  /** A new blank page of `size` points, last in the document. */
  newPage(size: [number, number]): PDFPage {
    const page = PDFPage.create(this.doc);
    page.setSize(size[0], size[1]);
    this.append(page.node, page.ref);
    return page;
  }

  /** Copies every page of `source` after the pages so far; shared resources are copied once. */
  async copyPages(source: PDFDocument): Promise<PDFPage[]> {
    // pdf-lib's copyPages gives them registered but unattached (its addPage would attach them).
    const copied = await this.doc.copyPages(source, source.getPageIndices());
    for (const page of copied) this.append(page.node, page.ref);
    return copied;
  }

  /** Puts a page (already in this document's context) last in the page tree. */
  append(leaf: PDFPageLeaf, ref: PDFRef): void {
    leaf.setParent(this.pagesRef);
    this.pageRefs.push(ref);
  }

  /** Writes every object finished so far and lets it go; what refers to it keeps its reference. */
  async flush(): Promise<void> {
    const { context } = this.doc;
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (this.kept.has(ref)) continue;
      await this.writeObject(ref, object);
      context.delete(ref);
    }
  }

  private async writeObject(ref: PDFRef, object: PDFObject): Promise<void> {
    if (this.offsets.has(ref.objectNumber)) throw new Error("a PDF object is written once");
    this.offsets.set(ref.objectNumber, this.position);
    await this.write(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    if (object instanceof PDFRawStream) {
      // A stream's bytes as they are, not copied byte by byte into one more buffer of their size
      // (pdf-lib's copyBytesInto): a scan's image is most of a document.
      object.updateDict();
      const dict = new Uint8Array(object.dict.sizeInBytes());
      object.dict.copyBytesInto(dict, 0);
      await this.write(dict);
      await this.write(ascii("\nstream\n"));
      await this.write(object.contents);
      await this.write(ascii("\nendstream"));
    } else {
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      await this.write(body);
    }
    await this.write(ascii("\nendobj\n\n"));
  }

  /** The rest: the page tree, catalog and Info, then the cross-reference table and trailer. */
  async finish(): Promise<void> {
    await this.flush();
    const { context } = this.doc;
    const tree = this.doc.catalog.Pages();
    tree.set(PDFName.of("Kids"), context.obj(this.pageRefs));
    tree.set(PDFName.of("Count"), context.obj(this.pageRefs.length));
    for (const ref of this.kept) {
      const object = context.lookup(ref);
      if (object === undefined) throw new Error("a kept PDF object went missing");
      await this.writeObject(ref, object);
    }
    const size = context.largestObjectNumber + 1;
    const xrefAt = this.position;
    const lines = ["xref", `0 ${size}`, "0000000000 65535 f \n"];
    for (let n = 1; n < size; n += 1) {
      const offset = this.offsets.get(n);
      // A number allocated but never used is a free entry.
      lines.push(offset === undefined ? "0000000000 65535 f \n" : `${String(offset).padStart(10, "0")} 00000 n \n`);
    }
    const { Root, Info } = context.trailerInfo;
    const trailer = `trailer\n<< /Size ${size} /Root ${String(Root)} /Info ${String(Info)} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await this.write(ascii(`${lines.slice(0, 2).join("\n")}\n${lines.slice(2).join("")}${trailer}`));
  }
}
