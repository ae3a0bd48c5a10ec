package dev.sluice.documents.extract;

import java.io.IOException;
import java.util.List;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika set up for exactly what Sluice reads: the default detectors (magic bytes, ZIP and OLE
 * containers, with the file name and declared type as hints) and only the PDF, DOCX, HTML and
 * plain-text parsers, built once and shared (Tika's detectors and parsers are thread-safe).
 */
final class TikaReader {

  private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
  private final Detector detector =
      new DefaultDetector(mimeTypes, new ServiceLoader(TikaReader.class.getClassLoader()));
  private final Parser parser =
      new CompositeParser(
          mimeTypes.getMediaTypeRegistry(),
          List.of(new PDFParser(), new OOXMLParser(), new JSoupParser(), new TXTParser()));

  MediaTypeRegistry registry() {
    return mimeTypes.getMediaTypeRegistry();
  }

  /**
   * The type of the bytes. The declared type and the name only refine what the bytes say (a {@code
   * .md} name makes plain text Markdown); where they contradict the bytes, the bytes win. Bytes of
   * no known kind stay unknown whatever their declared type, so a binary blob sent as {@code
   * application/pdf} is refused as unsupported rather than tried as a PDF.
   */
  MediaType detect(UploadedFile file) throws IOException {
    MediaType bytesAlone = detect(file.bytes(), new Metadata());
    if (MediaType.OCTET_STREAM.equals(bytesAlone)) {
      return bytesAlone;
    }
    return detect(file.bytes(), hints(file));
  }

  private MediaType detect(byte[] bytes, Metadata hints) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return detector.detect(in, hints);
    }
  }

  /**
   * The body text of a file of a known type, at most {@code maxChars} characters; past that Tika
   * stops parsing with a {@link org.apache.tika.exception.WriteLimitReachedException}.
   */
  String text(byte[] bytes, MediaType type, int maxChars)
      throws IOException, SAXException, org.apache.tika.exception.TikaException {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, type.toString());
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      parser.parse(in, handler, metadata, context());
    }
    return handler.toString();
  }

  private static Metadata hints(UploadedFile file) {
    Metadata metadata = new Metadata();
    if (file.name() != null && !file.name().isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.name());
    }
    if (file.declaredType() != null && !file.declaredType().isBlank()) {
      metadata.set(Metadata.CONTENT_TYPE, file.declaredType());
    }
    return metadata;
  }

  /**
   * No OCR (no Tesseract here: a scanned PDF has no text), no embedded files or images (no parser
   * in the context for them), and Word documents read with the SAX extractor, which needs none of
   * POI's generated OOXML schema classes (kept out of the WAR).
   */
  private static ParseContext context() {
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    OfficeParserConfig office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    office.setExtractMacros(false);
    ParseContext context = new ParseContext();
    context.set(PDFParserConfig.class, pdf);
    context.set(OfficeParserConfig.class, office);
    return context;
  }
}
